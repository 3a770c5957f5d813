package io.unlearn.bench.training;

import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Training and inference throughput of the MLP and the CNN in the project's loop, and in PyTorch when Debian's
 * python3-torch is installed: per model, rounds of one DJL run then one PyTorch run (interleaved, so a busy machine
 * slows both alike); each run's first epoch is a warm-up; the medians over the other epochs and the ratio DJL/PyTorch.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /**
     * @param o the options
     * @param log progress lines
     * @return the result (also written to the output files after every run)
     */
    public static TrainingResult run(TrainingOptions o, Consumer<String> log) {
        EngineOptions.Setup setup = o.engine().setUp();
        DataView data = setup.data().train().slice(0, Math.min(o.samples(), setup.data().train().size()));
        String missing = TorchReference.unavailableReason();
        TorchReference torch = missing == null ? TorchReference.extract() : null;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("samples", data.size());
        settings.put("epochs_per_run", o.epochs());
        settings.put("rounds", o.rounds());
        settings.put("batch", TrainingSpec.DEFAULT_BATCH_SIZE);
        settings.put("infer_batch", o.inferBatch());
        settings.put("learning_rate", TrainingSpec.DEFAULT_LEARNING_RATE);
        settings.put("load_before", LoadAverage.read());
        List<TrainingRow> rows = new ArrayList<>();
        Map<String, Double> ratio = new LinkedHashMap<>();
        Map<String, Double> inferRatio = new LinkedHashMap<>();
        String note = missing == null ? null : "no PyTorch rows: " + missing;
        for (String model : o.models()) {
            List<Double> djlTrain = new ArrayList<>(), djlInfer = new ArrayList<>();
            List<Double> torchTrain = new ArrayList<>(), torchInfer = new ArrayList<>();
            for (int round = 1; round <= o.rounds(); round++) {
                long seed = o.seed() + round - 1;
                TorchReference.Epochs d = DjlRun.run(spec(model, o.epochs(), seed), data, setup.device(), o.inferBatch());
                steady(d, djlTrain, djlInfer);
                log.accept(line(model, "djl", round, d));
                if (torch != null) {
                    TorchReference.Epochs t = torch.run(model, List.of("--epochs", "" + o.epochs(), "--samples",
                            "" + data.size(), "--infer-batch", "" + o.inferBatch(), "--threads", "" + o.threads(),
                            "--seed", "" + seed, "--data", o.engine().dataDir().toString()));
                    settings.put("torch_version", t.version());
                    steady(t, torchTrain, torchInfer);
                    log.accept(line(model, "torch", round, t));
                }
            }
            TrainingRow djl = new TrainingRow(model, "djl", TrainingRow.median(djlTrain), TrainingRow.median(djlInfer),
                    djlTrain, djlInfer);
            rows.add(djl);
            if (torch != null) {
                TrainingRow t = new TrainingRow(model, "torch", TrainingRow.median(torchTrain),
                        TrainingRow.median(torchInfer), torchTrain, torchInfer);
                rows.add(t);
                ratio.put(model, djl.trainSamplesPerSecond() / t.trainSamplesPerSecond());
                inferRatio.put(model, djl.inferSamplesPerSecond() / t.inferSamplesPerSecond());
            }
            settings.put("load_after_" + model, LoadAverage.read());
            BenchWriters.write(new TrainingResult(setup.machine(), settings, rows, torch == null ? null : ratio,
                    torch == null ? null : inferRatio, note, false), TrainingReport.REPORT, o.output());
        }
        TrainingResult result = new TrainingResult(setup.machine(), settings, rows, torch == null ? null : ratio,
                torch == null ? null : inferRatio, note, true);
        BenchWriters.write(result, TrainingReport.REPORT, o.output());
        return result;
    }

    static ModelSpec spec(String model, int epochs, long seed) {
        TrainingSpec t = TrainingSpec.builder().optEpochs(epochs).optSeed(seed).build();
        List<Long> shape = List.of(1L, 28L, 28L);
        return "mlp".equals(model) ? ModelSpec.mlp(shape, FashionMnist.CLASSES.size(), t)
                : ModelSpec.cnn(shape, FashionMnist.CLASSES.size(), t);
    }

    private static void steady(TorchReference.Epochs e, List<Double> train, List<Double> infer) {
        train.addAll(e.train().subList(1, e.train().size()));
        infer.addAll(e.infer().subList(1, e.infer().size()));
    }

    private static String line(String model, String engine, int round, TorchReference.Epochs e) {
        return String.format(java.util.Locale.ROOT, "%s %s round %d: train %s, infer %s samples/s (first epoch a warm-up)",
                model, engine, round, rounded(e.train()), rounded(e.infer()));
    }

    private static List<Long> rounded(List<Double> v) {
        return v.stream().map(Math::round).toList();
    }
}
