package io.unlearn.bench.concepts;

import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.sae.SaeArtifact;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeSpec;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.ml.suppression.SuppressionCalibration;
import io.unlearn.ml.suppression.SuppressionChoice;
import io.unlearn.ml.suppression.SuppressionEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The concept-removal benchmark ({@code ./unlearn bench concepts}): on the CNN and Fashion-MNIST, trains (or reuses)
 * a TopK and a ReLU + L1 SAE on the penultimate layer, then for every class, footwear, tops, and footwear + tops at
 * once, removes the concept five ways and reports each on the second half of the test set with the same
 * {@link SuppressionEvaluation} (concept and non-concept accuracy before/after, under a PGD attack, inference
 * overhead): {@code sae} (SAUCE scores, strength calibrated on the first half), {@code ga} (gradient ascent),
 * {@code mask} (the concept's logits −∞), {@code weights} (RL / NegGrad+ with their retain term) and
 * {@code retrain} (from scratch without the concept's samples), each row also with a linear probe and a relearning
 * attack on the representation after removal ({@link RepresentationAttacks}). Every tuned method is calibrated on the
 * first half by the same {@link CalibrationRule}. Then the pattern case on {@code fmnist-stamped}
 * ({@link PatternCaseRun}: rows of kind {@code pattern}). Results are written after every concept, so a long run
 * leaves partial results.
 */
public final class ConceptsBenchmark {

    /** Methods of every label concept: sae, ga, mask, weights, retrain. */
    static final int LABEL_METHODS = 5;

    private ConceptsBenchmark() {
    }

    /**
     * @param o the options
     * @param listener training epochs and one event per finished row (stage {@code bench/concepts/<concept>/<method>})
     * @return the result (also written to the JSON and Markdown files of {@code o.output()})
     */
    public static ConceptsResult run(ConceptsOptions o, ProgressListener listener) {
        EngineOptions.Setup setup = o.check().engine().setUp();
        UnlearnDataset data = setup.data();
        DataView calibration = ConceptSplits.calibration(data);
        DataView reportHalf = ConceptSplits.evaluation(data);
        List<String> classNames = data.train().source().classNames();
        ModelSpec spec = BaseModelCache.cnn(data, o.baseEpochs(), o.seed());
        List<ConceptCase> cases = o.chosen(ConceptCase.fashionMnist(classNames));
        boolean pattern = o.concepts().isEmpty() || o.concepts().contains(PatternConcept.DEFAULT_NAME);
        ResultsSoFar results = new ResultsSoFar(setup.machine(), ConceptsSettings.describe(o, data), o.output(),
                listener, cases.size() * LABEL_METHODS + (pattern ? PatternCaseRun.METHODS.size() : 0));
        SaeStore store = new SaeStore(o.saeStore() != null ? o.saeStore() : tempStore());
        AttackSpec attack = AttackSpec.pgd(o.epsilon(), o.attackSteps());
        try (Classifier model = setup.base(spec, listener.prefixed("bench/concepts/base")).model()) {
            SaeArtifact chosen = null;
            for (SaeKind kind : List.of(SaeKind.TOPK, SaeKind.RELU_L1)) {
                SaeSpec saeSpec = SaeSpec.builder().setKind(kind).optExpansion(o.expansion()).optEpochs(o.saeEpochs())
                        .optSeed(o.seed()).build();
                SaeArtifact a = store.obtain(model, o.layer(), saeSpec, data.train(), data.test(),
                        listener.prefixed("bench/concepts/sae-" + kind));
                results.saes.add(SaeSummary.of(a, data.name()));
                chosen = kind == o.saeKind() ? a : chosen;
            }
            List<SuppressionChoice> grid = SuppressionCalibration.grid(o.features(), o.scales(), o.clamps(), o.dropErrorTerm());
            try (SparseAutoencoder sae = store.load(chosen.sha256(), setup.device())) {
                Activations trainActs = ActivationCapture.capture(ModelLayer.of(model, o.layer()), data.train());
                String saeUri = chosen.uri();
                Map<String, List<SuppressionChoice>> sweep = results.sweep;
                List<RemovalMethod> methods = List.of(
                        new RemovalMethod("sae", c -> SaeMethod.build(model, sae, saeUri, trainActs, calibration,
                                classNames, c, grid, o.maxOtherDrop(), sweep)),
                        new RemovalMethod("ga", c -> WeightEditMethod.build(model, data, c, calibration,
                                WeightEditMethod.grid(List.of("ga"), o.gaLearningRates()), o.maxOtherDrop(), o.seed(),
                                listener.prefixed("bench/concepts/ga/" + c.name()))),
                        new RemovalMethod("mask", c -> MaskMethod.build(model, c, calibration)),
                        new RemovalMethod("weights", c -> WeightEditMethod.build(model, data, c, calibration,
                                WeightEditMethod.grid(o.weights().methods(), o.weightsLearningRates()),
                                o.maxOtherDrop(), o.seed(), listener.prefixed("bench/concepts/weights/" + c.name()))),
                        new RemovalMethod("retrain", c -> RetrainWithoutConcept.build(setup, spec, c, calibration,
                                listener.prefixed("bench/concepts/retrain/" + c.name()))));
                LabelRowEvaluation evaluation = new LabelRowEvaluation(model, reportHalf, data.train(), attack,
                        o.attackSamples(), o.seed(), o.timingRepeats());
                for (ConceptCase c : cases) {
                    for (RemovalMethod method : methods) {
                        try (Removal removal = method.remove().apply(c)) {
                            results.add(c, classNames, method.name(), removal, evaluation.measure(removal.model(), c));
                        }
                    }
                    results.writePartial();
                }
            }
        }
        if (pattern) {
            new PatternCaseRun(o, setup, store, attack, listener).run(results);
        }
        return results.finish();
    }

    private static Path tempStore() {
        try {
            return Files.createTempDirectory("sae-store");
        } catch (IOException e) {
            throw new UnlearnException("cannot create a temporary SAE store: " + e.getMessage()
                    + "; pass --sae-store DIR", e);
        }
    }
}
