package io.unlearn.bench.concepts;

import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.ProgressEvent;
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
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.suppression.SuppressionCalibration;
import io.unlearn.ml.suppression.SuppressionChoice;
import io.unlearn.ml.suppression.SuppressionEvaluation;
import io.unlearn.ml.suppression.SuppressionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The concept-removal benchmark ({@code ./unlearn bench concepts}): on the CNN and Fashion-MNIST, trains (or reuses)
 * a TopK and a ReLU + L1 SAE on the penultimate layer, then for every class, footwear, tops, and footwear + tops at
 * once, removes the concept five ways and reports each on the second half of the test set with the same
 * {@link SuppressionEvaluation} (concept and non-concept accuracy before/after, under a PGD attack, inference
 * overhead): {@code sae} (SAUCE scores, strength calibrated on the first half), {@code ga} (gradient ascent),
 * {@code mask} (the concept's logits −∞), {@code weights} (RL / NegGrad+ with their retain term) and
 * {@code retrain} (from scratch without the concept's samples). Every tuned method is calibrated on the first half
 * by the same {@link CalibrationRule}. Results are written after every concept, so a long run leaves partial
 * results.
 */
public final class ConceptsBenchmark {

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
        Map<String, Object> settings = ConceptsSettings.describe(o, data);
        List<SaeSummary> saes = new ArrayList<>();
        List<ConceptRow> rows = new ArrayList<>();
        List<ConceptDetail> details = new ArrayList<>();
        Map<String, List<SuppressionChoice>> sweep = new LinkedHashMap<>();
        try (Classifier model = setup.base(spec, listener.prefixed("bench/concepts/base")).model()) {
            SaeStore store = new SaeStore(o.saeStore() != null ? o.saeStore() : tempStore());
            SaeArtifact chosen = null;
            for (SaeKind kind : List.of(SaeKind.TOPK, SaeKind.RELU_L1)) {
                SaeSpec saeSpec = SaeSpec.builder().setKind(kind).optExpansion(o.expansion()).optEpochs(o.saeEpochs())
                        .optSeed(o.seed()).build();
                SaeArtifact a = store.obtain(model, o.layer(), saeSpec, data.train(), data.test(),
                        listener.prefixed("bench/concepts/sae-" + kind));
                var id = a.metadata().identity();
                saes.add(new SaeSummary(kind.name(), id.layer(), a.sha256(), id.inputDim(), id.latents(),
                        a.metadata().quality(), a.metadata().training().seconds(), a.reused()));
                chosen = kind == o.saeKind() ? a : chosen;
            }
            List<SuppressionChoice> grid = SuppressionCalibration.grid(o.features(), o.scales(), o.clamps(), true);
            AttackSpec attack = AttackSpec.pgd(o.epsilon(), o.attackSteps());
            try (SparseAutoencoder sae = store.load(chosen.sha256(), setup.device())) {
                Activations trainActs = ActivationCapture.capture(ModelLayer.of(model, o.layer()), data.train());
                String saeUri = chosen.uri();
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
                List<ConceptCase> cases = ConceptCase.fashionMnist(classNames);
                int total = cases.size() * methods.size();
                for (ConceptCase c : cases) {
                    for (RemovalMethod method : methods) {
                        try (Removal removal = method.remove().apply(c)) {
                            SuppressionReport r = evaluate(model, removal.model(), reportHalf, c, attack, o);
                            ConceptRow row = row(c, classNames, method.name(), removal, r);
                            rows.add(row);
                            details.add(new ConceptDetail(c.name(), method.name(), removal.choice(),
                                    removal.calibrationConceptAcc(), removal.calibrationOtherAcc(), r,
                                    removal.seconds()));
                            listener.onProgress(progress(row, rows.size(), total));
                        }
                    }
                    BenchWriters.write(new ConceptsResult(setup.machine(), settings, saes, rows, details, sweep, false),
                            ConceptsReport.REPORT, o.output());
                }
            }
        }
        ConceptsResult result = new ConceptsResult(setup.machine(), settings, saes, rows, details, sweep, true);
        BenchWriters.write(result, ConceptsReport.REPORT, o.output());
        return result;
    }

    private static SuppressionReport evaluate(Classifier model, InferenceModel after, DataView view, ConceptCase c,
            AttackSpec attack, ConceptsOptions o) {
        var classes = c.classes();
        int[] in = IntStream.range(0, view.size()).filter(i -> classes.contains(view.label(i))).map(view::row).toArray();
        int[] out = IntStream.range(0, view.size()).filter(i -> !classes.contains(view.label(i))).map(view::row)
                .toArray();
        return SuppressionEvaluation.builder().setBefore(InferenceModel.of(model)).setAfter(after)
                .setConceptView(DataView.of(view.source(), in)).setOtherView(DataView.of(view.source(), out))
                .setConceptClasses(classes).optAttack(attack).optAttackSamples(o.attackSamples()).build().run();
    }

    private static ConceptRow row(ConceptCase c, List<String> classNames, String method, Removal removal,
            SuppressionReport r) {
        double overhead = removal.weightsOnly() ? 0 : r.overheadPercent();
        return new ConceptRow(c.name(), c.labelNames(classNames), c.kind(), method, r.conceptAccBefore(),
                r.conceptAccAfter(), r.otherAccBefore(), r.otherAccAfter(), r.conceptAccUnderAttackAfter(), overhead);
    }

    private static ProgressEvent progress(ConceptRow row, int done, int total) {
        return new ProgressEvent("bench/concepts/" + row.concept() + "/" + row.method(), done, total, Map.of(
                "conceptAccAfter", row.conceptAccAfter(), "otherAccAfter", row.otherAccAfter(), "otherAccBefore",
                row.otherAccBefore(), "underAttack", row.conceptAccUnderAttack(), "overhead", row.overheadRatio()));
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
