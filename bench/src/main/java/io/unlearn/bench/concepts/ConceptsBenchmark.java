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
 * once, removes the concept with the SAE (SAUCE scores, strength calibrated on the first half of the test set) and
 * with gradient ascent (learning rate calibrated the same way), and reports on the second half: concept and
 * non-concept accuracy before/after, under a PGD attack, and the inference overhead. Results are written after
 * every concept, so a long run leaves partial results.
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
        Map<String, Object> settings = settings(o, data);
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
                for (ConceptCase c : ConceptCase.fashionMnist(classNames)) {
                    try (SaeMethod.Built s = SaeMethod.build(model, sae, chosen.uri(), trainActs, calibration, classNames,
                            c, grid, o.maxOtherDrop(), sweep)) {
                        SuppressionReport r = evaluate(model, s.model(), reportHalf, c, attack, o);
                        add(rows, details, c, classNames, "sae", s.choice(), s.calibrationConceptAcc(),
                                s.calibrationOtherAcc(), r, s.seconds(), listener);
                    }
                    GaMethod.Built g = GaMethod.build(model, data, c, calibration, o.gaLearningRates(), o.maxOtherDrop(),
                            o.seed(), listener.prefixed("bench/concepts/ga/" + c.name()));
                    try (Classifier ga = g.model()) {
                        SuppressionReport r = evaluate(model, InferenceModel.of(ga), reportHalf, c, attack, o);
                        add(rows, details, c, classNames, "ga", g.choice(), g.calibrationConceptAcc(),
                                g.calibrationOtherAcc(), r, g.seconds(), listener);
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

    private static void add(List<ConceptRow> rows, List<ConceptDetail> details, ConceptCase c, List<String> classNames,
            String method, String choice, double calConcept, double calOther, SuppressionReport r, double seconds,
            ProgressListener listener) {
        double overhead = method.equals("ga") ? 0 : r.overheadPercent();
        rows.add(new ConceptRow(c.name(), c.labelNames(classNames), method, r.conceptAccBefore(), r.conceptAccAfter(),
                r.otherAccBefore(), r.otherAccAfter(), r.conceptAccUnderAttackAfter(), overhead));
        details.add(new ConceptDetail(c.name(), method, choice, calConcept, calOther, r, seconds));
        listener.onProgress(new ProgressEvent("bench/concepts/" + c.name() + "/" + method, rows.size(), 26, Map.of(
                "conceptAccAfter", r.conceptAccAfter(), "otherAccAfter", r.otherAccAfter(), "otherAccBefore",
                r.otherAccBefore(), "underAttack", r.conceptAccUnderAttackAfter(), "overhead", overhead)));
    }

    private static Path tempStore() {
        try {
            return Files.createTempDirectory("sae-store");
        } catch (IOException e) {
            throw new UnlearnException("cannot create a temporary SAE store: " + e.getMessage()
                    + "; pass --sae-store DIR", e);
        }
    }

    private static Map<String, Object> settings(ConceptsOptions o, UnlearnDataset data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dataset", data.name() + " (" + data.train().size() + " train, " + data.test().size() + " test: first"
                + " half calibrates, second half is reported)");
        s.put("model", "CNN conv16-pool-conv32-pool-fc128-fc10, Adam 1e-3 cosine, " + o.baseEpochs() + " epochs");
        s.put("sae", o.saeKind() + " on layer " + o.layer() + ", expansion " + o.expansion() + ", " + o.saeEpochs()
                + " epochs, Adam 1e-3, batch 256");
        s.put("sae grid", "top-k " + o.features() + " × γ " + o.scales() + " / clamp " + o.clamps()
                + " × error term kept or dropped; rule: lowest concept accuracy with ≤ " + o.maxOtherDrop()
                + " points non-concept loss on the calibration half");
        s.put("ga", "UnlearningMethods ga (5 epochs, batch 128, Adam) on all training samples of the concept's classes,"
                + " lr from " + o.gaLearningRates() + " by the same rule");
        s.put("attack", "PGD L∞ ε " + o.epsilon() + ", " + o.attackSteps() + " steps, step 2.5ε/steps, white-box"
                + " through the SAE; concept samples: elicit the true label; " + o.attackSamples() + " samples per side");
        s.put("overhead", "process CPU time (not wall time: the machine is shared), best of 7 passes over 1,000 non-concept samples,"
                + " batch 1,000, interleaved with the"
                + " original model; GA has no inference overhead by construction (0 in the rows; its measured figure in"
                + " the details shows the timing noise)");
        s.put("quick", o.quick());
        s.put("seed", o.seed());
        s.put("command", "./unlearn bench concepts" + (o.quick() ? " --quick" : "") + " --layer " + o.layer() + " --out " + o.output().out());
        return s;
    }
}
