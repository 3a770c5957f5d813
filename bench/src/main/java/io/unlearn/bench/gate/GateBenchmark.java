package io.unlearn.bench.gate;

import ai.djl.Device;
import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.bench.harness.MachineInfo;
import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.ForgettingGate;
import io.unlearn.ml.Devices;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.MetricsEvaluator;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.metrics.UnlearningMetrics;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The gate benchmark ({@code ./unlearn bench gate}): for each seed, base and forget setting, runs every candidate
 * ({@link GateCandidates}), measures UA, MIA, RA, TA and the Avg. Gap to Retrain, and asks the evaluator's own
 * {@link ForgettingGate} (default policy, fed as the evaluator feeds it: {@link EvaluatorFeed}) for its verdict on the
 * candidate with the base as parent. Results are written after every setting, so a long run leaves partial results.
 */
public final class GateBenchmark {
    /** The model id the policy is asked for (the demo's; the default tolerances apply). */
    static final String MODEL_ID = "fmnist-cnn";

    private GateBenchmark() {
    }

    /**
     * @param o the options
     * @param listener training and unlearning epochs
     * @param console one line per judged candidate
     * @return the result (also written to the JSON and Markdown files of {@code o.output()})
     */
    public static GateResult run(GateOptions o, ProgressListener listener, Consumer<String> console) {
        o.check();
        Device device = Devices.resolve(o.engine().device());
        UnlearnDataset whole = FashionMnist.load(o.engine().dataDir());
        UnlearnDataset data = o.quick() ? whole.head(EngineOptions.QUICK_TRAIN, EngineOptions.QUICK_TEST)
                : o.trainLimit() > 0 ? whole.limitedTo(o.trainLimit()) : whole;
        Map<String, Object> machine = MachineInfo.describe(device);
        Map<String, Object> settings = GateRunSettings.of(o, data, whole);
        ForgettingGate gate = EvaluationPolicy.ofDefaults().gate(MODEL_ID);
        List<GateRow> rows = new ArrayList<>();
        for (int seed = 1; seed <= o.seeds(); seed++) {
            for (GateBases.Base b : o.bases()) {
                String prefix = "bench/gate/seed" + seed + "/" + b.name();
                console.accept(String.format(Locale.ROOT, "gate: seed %d, %s base (%d epochs)", seed, b.name(), b.epochs()));
                BaseModelCache.Base base = BaseModelCache.obtain(o.engine().cache(), BaseModelCache.cnn(data, b.epochs(), seed),
                        data, device, listener.prefixed(prefix + "/base"));
                try (Classifier parent = base.model()) {
                    for (String name : o.settings()) {
                        ForgetSettings.Setting setting = ForgetSettings.of(name, data, seed);
                        console.accept("gate: seed " + seed + ", " + b.name() + ", " + name + " (" + setting.description()
                                + ", " + setting.forgetIds().size() + " samples)");
                        rows.addAll(runSetting(setting, b.name(), seed, parent, whole, data, gate, o,
                                listener.prefixed(prefix + "/" + name), console));
                        write(GateResult.of(machine, settings, rows, false), o);
                    }
                }
            }
        }
        GateResult result = GateResult.of(machine, settings, rows, true);
        write(result, o);
        return result;
    }

    private static List<GateRow> runSetting(ForgetSettings.Setting setting, String base, long seed, Classifier parent,
            UnlearnDataset whole, UnlearnDataset data, ForgettingGate gate, GateOptions o, ProgressListener listener,
            Consumer<String> console) {
        ForgetSplit split = data.split(setting.forgetIds());
        ForgetSplit eval = new ForgetSplit(split.forget(), split.retain(), setting.test(), split.forgetIds());
        EvaluatorFeed feed = EvaluatorFeed.of(whole, data, setting.forgetIds());
        ForgettingGate.ModelOutputs parentOutputs = feed.outputs(parent);
        boolean shared = feed.sharesSamplesWith(eval.forget(), eval.retain());
        UnlearningTask.Builder task = UnlearningTask.builder().setModel(parent).setDataset(data)
                .setForgetIds(setting.forgetIds()).optSeed(seed);
        List<GateRow> rows = new ArrayList<>();
        UnlearningMetrics reference = null;
        for (String candidate : o.candidates()) {
            GateRow earlier = rows.stream().filter(r -> r.candidate().equals(GateCandidates.sameRunAs(candidate)))
                    .findFirst().orElse(null);
            if (earlier != null) {
                GateRow row = earlier.as(candidate);
                rows.add(row);
                console.accept(GateReport.consoleLine(row) + " (the same run as " + earlier.candidate() + ")");
                continue;
            }
            try (GateCandidates.Candidate c = GateCandidates.make(candidate, parent, task, listener.prefixed(candidate))) {
                Predictions forget = Predictor.predict(c.model(), eval.forget());
                Predictions retain = Predictor.predict(c.model(), eval.retain());
                UnlearningMetrics m = MetricsEvaluator.evaluate(forget, retain, Predictor.predict(c.model(), eval.test()), 0, seed);
                if (reference == null) {
                    reference = m; // Retrain comes first
                }
                GateJudgement j = GateJudgement.of(gate.judge(shared ? feed.outputs(c.model(), forget, retain)
                        : feed.outputs(c.model()), parentOutputs, new int[0], feed.trainCountsByClass()));
                double gap = m.avgGap(reference);
                GateRow row = new GateRow(setting.name(), base, seed, candidate, gap, gap <= GateSummary.ADEQUATE_GAP,
                        j.verdict(), j.advantage(), j.ciLow(), j.ciHigh(), j.svmAdvantage(), j.parentAdvantage(), j.signalDrop(),
                        j.samplesNeeded(), m.ua(), m.ra(), m.ta(), m.mia());
                rows.add(row);
                console.accept(GateReport.consoleLine(row));
            }
        }
        return rows;
    }

    private static void write(GateResult result, GateOptions o) {
        BenchWriters.write(result, GateReport.REPORT, o.output());
    }
}
