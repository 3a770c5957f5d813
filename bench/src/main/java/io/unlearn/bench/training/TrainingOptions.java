package io.unlearn.bench.training;

import io.unlearn.bench.harness.BenchRuns;
import io.unlearn.bench.harness.EngineBenchCommand;
import io.unlearn.ml.UnlearnException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The training subcommand: the settings of {@link TrainingBenchmark}, parsed by picocli ({@code ./unlearn bench
 * training --help}; {@link #check()} lists every problem at once), and its run.
 */
@Command(name = "training", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Training and inference throughput of the MLP and the CNN (Adam 1e-3, batch 128), in the"
                + " project's loop and, when Debian's python3-torch is installed, in PyTorch in the same run,"
                + " interleaved; the ratio DJL / PyTorch per model."})
public final class TrainingOptions extends EngineBenchCommand {

    public TrainingOptions() {
        super("training");
    }

    @Option(names = "--models", split = ",", paramLabel = "mlp,cnn", description = "Models (default: ${DEFAULT-VALUE}).")
    private List<String> models = new ArrayList<>(List.of("mlp", "cnn"));

    @Option(names = "--samples", paramLabel = "N", description = "Training samples (default: 60000, quick 10000).")
    private Integer samples;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run, the first a warm-up (default: 4, quick 3).")
    private Integer epochs;

    @Option(names = "--rounds", paramLabel = "N", description = "Runs per engine and model, alternating DJL and"
            + " PyTorch (default: 2, quick 1).")
    private Integer rounds;

    @Option(names = "--infer-batch", paramLabel = "N", description = "Samples per inference batch (default: ${DEFAULT-VALUE}).")
    private int inferBatch = 1000;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch's intra-op threads (default: the"
            + " ai.djl.pytorch.num_threads property, else 2).")
    private Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the first round (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    /** @return the models */
    public List<String> models() { return List.copyOf(models); }
    /** @return training samples */
    public int samples() { return samples != null ? samples : quick() ? 10_000 : 60_000; }
    /** @return epochs per run */
    public int epochs() { return epochs != null ? epochs : quick() ? 3 : 4; }
    /** @return rounds */
    public int rounds() { return rounds != null ? rounds : quick() ? 1 : 2; }
    /** @return inference batch */
    public int inferBatch() { return inferBatch; }
    /** @return PyTorch's intra-op threads */
    public int threads() {
        return threads != null ? threads : Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "2"));
    }
    /** @return the first seed */
    public long seed() { return seed; }

    @Override
    public Integer call() {
        check();
        return BenchRuns.engine(() -> TrainingBenchmark.run(this, System.out::println), TrainingReport.REPORT, output());
    }

    /**
     * @return these options
     * @throws UnlearnException listing every bad value at once
     */
    public TrainingOptions check() {
        List<String> p = new ArrayList<>();
        if (models.isEmpty() || !List.of("mlp", "cnn").containsAll(models)) {
            p.add("models must be mlp and/or cnn, was " + models);
        }
        if (samples() < 1) { p.add("samples must be at least 1, was " + samples()); }
        if (epochs() < 2) { p.add("epochs must be at least 2 (the first is a warm-up), was " + epochs()); }
        if (rounds() < 1) { p.add("rounds must be at least 1, was " + rounds()); }
        if (inferBatch < 1) { p.add("infer batch must be at least 1, was " + inferBatch); }
        if (threads() < 1) { p.add("threads must be at least 1, was " + threads()); }
        if (!p.isEmpty()) {
            throw new UnlearnException("bad training benchmark options: " + String.join("; ", p));
        }
        return this;
    }
}
