package io.unlearn.bench.concepts;

import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.StampedDataset;
import io.unlearn.ml.data.StampedFashionMnist;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.sae.SaeArtifact;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeSpec;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.suppression.SuppressionCalibration;
import java.util.List;

/**
 * The pattern case of the benchmark: on {@code fmnist-stamped} (its own base CNN, the label concepts' recipe, from the
 * base-model cache; its own ReLU + L1 SAE), the concept {@value PatternConcept#DEFAULT_NAME} given by the stamped
 * training ids, removed four ways ({@link #METHODS}) and measured by one {@link PatternRowEvaluation}; rows of kind
 * {@value ConceptCase#PATTERN}. Every tuned method is calibrated on the calibration half by the same
 * {@link CalibrationRule} with the stamp's effect as concept accuracy ({@link CalibrationScorer#pattern}); the SAE
 * additionally by {@link PatternConcept#calibrate}'s guard of the target class.
 */
final class PatternCaseRun {

    /** The methods of the pattern case (ga has no retain term and is left to the label concepts). */
    static final List<String> METHODS = List.of("sae", "mask", "weights", "retrain");

    private final ConceptsOptions o;
    private final EngineOptions.Setup setup;
    private final SaeStore store;
    private final AttackSpec attack;
    private final ProgressListener listener;

    PatternCaseRun(ConceptsOptions o, EngineOptions.Setup setup, SaeStore store, AttackSpec attack,
            ProgressListener listener) {
        this.o = o;
        this.setup = setup;
        this.store = store;
        this.attack = attack;
        this.listener = listener.prefixed("bench/concepts/" + PatternConcept.DEFAULT_NAME);
    }

    /** @param results receives the SAE, the calibration grid and one row per method; written when done */
    void run(ResultsSoFar results) {
        StampedDataset stamped = StampedFashionMnist.load(o.engine().dataDir());
        StampedDataset data = o.quick() ? stamped.head(PatternOptions.QUICK_TRAIN, EngineOptions.QUICK_TEST) : stamped;
        UnlearnDataset d = data.dataset();
        DataView calibration = ConceptSplits.calibration(d);
        DataView reportHalf = ConceptSplits.evaluation(d);
        PatternConcept stamp = PatternConcept.of(data);
        ConceptCase c = ConceptCase.pattern(stamp.concept(), data.targetClass());
        List<String> forget = List.copyOf(data.stampedTrainIds());
        CalibrationScorer scorer = CalibrationScorer.pattern(stamp, calibration);
        ModelSpec spec = BaseModelCache.cnn(d, o.baseEpochs(), o.seed());
        try (Classifier model = BaseModelCache.obtain(setup.cache(), spec, d, setup.device(),
                listener.prefixed("base")).model()) {
            SaeSpec saeSpec = SaeSpec.builder().setKind(SaeKind.RELU_L1).optExpansion(o.expansion())
                    .optEpochs(o.pattern().saeEpochs(o.quick())).optBatchSize(PatternOptions.SAE_BATCH)
                    .optSeed(o.seed()).build();
            SaeArtifact artifact = store.obtain(model, o.layer(), saeSpec, d.train(), d.test(), listener.prefixed("sae"));
            results.saes.add(SaeSummary.of(artifact, d.name()));
            PatternRowEvaluation evaluation = new PatternRowEvaluation(stamp, model, reportHalf,
                    StampTwins.of(data, stamp.concept(), reportHalf), attack, o.attackSamples(), o.seed(), o.timingRepeats());
            try (SparseAutoencoder sae = store.load(artifact.sha256(), setup.device())) {
                for (String method : METHODS) {
                    try (Removal removal = remove(method, model, sae, artifact.uri(), stamp, c, forget, scorer, spec,
                            calibration, results)) {
                        results.add(c, d.train().source().classNames(), method, removal,
                                evaluation.measure(removal.model()));
                    }
                }
            }
        }
        results.writePartial();
    }

    private Removal remove(String method, Classifier model, SparseAutoencoder sae, String saeUri, PatternConcept stamp,
            ConceptCase c, List<String> forget, CalibrationScorer scorer, ModelSpec spec, DataView calibration,
            ResultsSoFar results) {
        return switch (method) {
            case "sae" -> PatternSaeMethod.build(model, sae, saeUri, stamp, calibration,
                    SuppressionCalibration.grid(o.pattern().features(), o.scales(), o.clamps(), o.dropErrorTerm()), o.maxOtherDrop(), results.sweep);
            case "mask" -> MaskMethod.build(model, c, scorer);
            case "weights" -> WeightEditMethod.build(model, stamp.data().dataset(), forget, scorer,
                    WeightEditMethod.grid(o.weights().methods(), o.weightsLearningRates()), o.maxOtherDrop(), o.seed(),
                    listener.prefixed("weights"));
            case "retrain" -> RetrainWithoutConcept.build(setup.cache(), setup.device(), spec, stamp.data().dataset(),
                    forget, scorer, listener.prefixed("retrain"));
            default -> throw new UnlearnException("no pattern method " + method + "; one of " + METHODS);
        };
    }
}
