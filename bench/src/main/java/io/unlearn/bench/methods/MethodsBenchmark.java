package io.unlearn.bench.methods;

import ai.djl.Device;
import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.MetricsEvaluator;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.metrics.UnlearningMetrics;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The methods benchmark ({@code ./unlearn bench methods}): on the CNN and Fashion-MNIST, for a random forget
 * set and a whole-class forget set and each seed, trains the base model, evaluates it ({@code original}),
 * runs Retrain (the reference) and every approximate method, and records UA, MIA, RA, TA, run time, Avg. Gap
 * and speed-up over Retrain. Also measures MLP and CNN training throughput. Results are written after every
 * seed (JSON, Markdown section), so a long run leaves partial results behind.
 */
public final class MethodsBenchmark {

    private MethodsBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param o the options
     * @param listener receives training epochs, method runs and finished rows
     * @return the result (also written to the JSON and Markdown files of {@code o.output()})
     */
    public static MethodsResult run(MethodsOptions o, ProgressListener listener) {
        EngineOptions.Setup setup = o.check().engine().setUp();
        UnlearnDataset data = setup.data();
        Map<String, Object> settings = settings(o, data);
        List<Throughput> throughput = new ArrayList<>();
        throughput.add(mlpThroughput(data, setup.device(), listener));
        List<MethodsRow> rows = new ArrayList<>();
        for (int seed = 1; seed <= o.seeds(); seed++) {
            final int s = seed;
            ModelSpec spec = BaseModelCache.cnn(data, o.baseEpochs(), seed);
            BaseModelCache.Base base = setup.base(spec, listener.prefixed("bench/seed" + s + "/base"));
            try (Classifier original = base.model()) {
                if (seed == 1) {
                    throughput.add(new Throughput("cnn", base.samplesPerSecond(), o.baseEpochs(),
                            100 * Predictor.predict(original, data.test()).accuracy()));
                }
                ForgetSplit random = data.split(data.randomForgetIds(o.forgetFraction(), seed));
                rows.addAll(runSetting("random", random, random.test(), original, data, o, seed, listener));
                ForgetSplit cls = data.split(data.classIds(o.forgetClass()));
                DataView otherClassTest = withoutClass(data.test(), o.forgetClass());
                rows.addAll(runSetting("class", cls, otherClassTest, original, data, o, seed, listener));
            }
            MethodsResult partial = new MethodsResult(setup.machine(), settings, throughput, rows, seed == o.seeds());
            write(partial, o);
        }
        return new MethodsResult(setup.machine(), settings, throughput, rows, true);
    }

    private static List<MethodsRow> runSetting(String setting, ForgetSplit split, DataView test, Classifier original,
            UnlearnDataset data, MethodsOptions o, long seed, ProgressListener listener) {
        ForgetSplit eval = new ForgetSplit(split.forget(), split.retain(), test, split.forgetIds());
        List<MethodsRow> rows = new ArrayList<>();
        UnlearningMetrics none = MetricsEvaluator.evaluate(original, eval, 0, seed);
        Map<String, Object> baseHp = new LinkedHashMap<>(recipe(original.spec().training()));
        UnlearningTask.Builder task = UnlearningTask.builder().setModel(original).setDataset(data)
                .setForgetIds(split.forgetIds()).optSeed(seed);
        UnlearningMetrics reference;
        double retrainSeconds;
        try (UnlearningResult r = UnlearningMethods.byName("retrain").unlearn(task.build(), stage(listener, setting))) {
            retrainSeconds = r.report().seconds();
            reference = MetricsEvaluator.evaluate(r.model(), eval, retrainSeconds, seed);
            Map<String, Object> hp = new LinkedHashMap<>(baseHp);
            // retrain's epochs = 0 means "the recipe's", which baseHp already states
            r.report().hyperparameters().forEach((k, v) -> hp.merge(k, v, (old, v2) -> ((Number) v2).doubleValue() == 0.0 ? old : v2));
            rows.add(row("retrain", setting, seed, reference, reference, 1.0, hp, listener));
        }
        rows.add(0, row("original", setting, seed, none, reference, null, baseHp, listener));
        for (String method : o.methods()) {
            // sweeps tune on the random setting only (as the worst-case paper tunes); class uses defaults + --set
            List<Map<String, Number>> variants = setting.equals("random") ? o.variants(method)
                    : List.of(o.overrides().getOrDefault(method, Map.of()));
            for (Map<String, Number> variant : variants) {
                String name = variants.size() == 1 ? method : method + variant;
                UnlearningTask t = task.optHyperparameters(variant).build();
                try (UnlearningResult r = UnlearningMethods.byName(method).unlearn(t, stage(listener, setting))) {
                    UnlearningMetrics m = MetricsEvaluator.evaluate(r.model(), eval, r.report().seconds(), seed);
                    rows.add(row(name, setting, seed, m, reference, retrainSeconds / r.report().seconds(),
                            new LinkedHashMap<>(r.report().hyperparameters()), listener));
                }
            }
        }
        return rows;
    }

    private static MethodsRow row(String method, String setting, long seed, UnlearningMetrics m,
            UnlearningMetrics reference, Double speedup, Map<String, Object> hp, ProgressListener listener) {
        MethodsRow row = new MethodsRow(method, setting, seed, m.ua(), m.mia(), m.ra(), m.ta(), m.rteSeconds(),
                m.avgGap(reference), speedup, hp);
        Map<String, Double> values = new LinkedHashMap<>(Map.of("ua", m.ua(), "mia", m.mia(), "ra", m.ra(),
                "ta", m.ta(), "rte", m.rteSeconds(), "avgGap", row.avgGap()));
        listener.onProgress(new ProgressEvent("bench/" + setting + "/" + method + "/row", (int) seed, (int) seed, values));
        return row;
    }

    private static ProgressListener stage(ProgressListener listener, String setting) {
        return listener.prefixed("bench/" + setting);
    }

    private static Throughput mlpThroughput(UnlearnDataset data, Device device, ProgressListener listener) {
        int epochs = 3;
        ModelSpec mlp = ModelSpec.mlp(List.of(1L, 28L, 28L), data.numClasses(),
                TrainingSpec.builder().optEpochs(epochs).optSeed(0).build());
        try (ModelTraining.Trained t = ModelTraining.trainNew(mlp, data.train(), device,
                listener.prefixed("bench/throughput/mlp"))) {
            return new Throughput("mlp", t.report().steadySamplesPerSecond(), epochs,
                    100 * Predictor.predict(t.model(), data.test()).accuracy());
        }
    }

    private static DataView withoutClass(DataView test, int label) {
        int[] rows = IntStream.range(0, test.size()).filter(i -> test.label(i) != label).map(test::row).toArray();
        return DataView.of(test.source(), rows);
    }

    private static Map<String, Object> recipe(TrainingSpec t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", t.epochs());
        m.put("lr", t.learningRate());
        m.put("batch_size", t.batchSize());
        m.put("schedule", t.schedule());
        m.put("optimizer", "adam");
        return m;
    }

    private static Map<String, Object> settings(MethodsOptions o, UnlearnDataset data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dataset", data.name() + " (" + data.train().size() + " train, " + data.test().size() + " test)");
        s.put("model", "CNN conv16-pool-conv32-pool-fc128-fc10");
        s.put("base recipe", "Adam lr 1e-3, cosine to 0, batch 128, " + o.baseEpochs() + " epochs (Retrain: same)");
        s.put("settings", "random = " + Math.round(o.forgetFraction() * 100) + "% random forget set; class = all of class "
                + o.forgetClass() + " (" + data.train().source().classNames().get(o.forgetClass())
                + "), TA and MIA on the other classes' test samples");
        s.put("seeds", o.seeds());
        s.put("sweeps", o.sweeps().isEmpty() ? "none" : o.sweeps() + " on the random setting only");
        s.put("quick", o.quick());
        s.put("command", o.commandLine());
        return s;
    }

    private static void write(MethodsResult result, MethodsOptions o) {
        BenchWriters.write(result, MethodsReport.REPORT, o.output());
    }
}
