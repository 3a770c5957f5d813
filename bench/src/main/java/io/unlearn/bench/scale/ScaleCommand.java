package io.unlearn.bench.scale;

import io.unlearn.bench.harness.Report;
import io.unlearn.bench.harness.StackBenchCommand;
import io.unlearn.ml.UnlearnException;
import io.unlearn.stack.LocalStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unlearn bench scale}: see {@link ScaleBenchmark}. */
@Command(name = "scale", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Requests folded per minute and latency with 1 and with 3 unlearn-worker processes in one consumer"
                + " group on 6 models (MLP), with the group's rebalances and how the models spread over the workers."})
public final class ScaleCommand extends StackBenchCommand<ScaleResult> {

    @Option(names = "--workers", split = ",", paramLabel = "1,3", description = "Group sizes, one phase each (default: 1,3).")
    private List<Integer> workers = new ArrayList<>(List.of(1, 3));

    @Option(names = "--models", paramLabel = "N", description = "Models per phase (default: ${DEFAULT-VALUE}).")
    private int models = 6;

    @Option(names = "--requests-per-model", paramLabel = "N", description = "Deletion requests per model (default: ${DEFAULT-VALUE}).")
    private int requestsPerModel = 100;

    @Option(names = "--rate", paramLabel = "R", description = "Requests published per second (default: ${DEFAULT-VALUE}: faster"
            + " than one worker folds them, so the group's capacity is what is measured).")
    private double rate = 20;

    @Option(names = "--base-epochs", paramLabel = "N", description = "Epochs of each base MLP (default: ${DEFAULT-VALUE}).")
    private int baseEpochs = 3;

    @Option(names = "--method", description = "The workers' unlearning method (default: ${DEFAULT-VALUE}).")
    private String method = "rl";

    @Option(names = "--dataset-limit", paramLabel = "N", description = "Training samples of every model (default: ${DEFAULT-VALUE}).")
    private int datasetLimit = 60_000;

    @Option(names = "--batch-max-requests", paramLabel = "N", description = "Worker batch limit (default: ${DEFAULT-VALUE}).")
    private int batchMax = 10;

    @Option(names = "--batch-max-wait-ms", paramLabel = "MS", description = "Worker batch wait (default: ${DEFAULT-VALUE}).")
    private long batchWaitMs = 5_000;

    @Option(names = "--threads-per-worker", paramLabel = "N", description = "Intra-op threads of each worker process"
            + " (default: ${DEFAULT-VALUE}; 0 leaves the engine's default).")
    private int threads = 1;

    @Option(names = "--quick", description = "A smaller run: 12 requests per model, 6,000 samples per model, 1-epoch base models.")
    private boolean quick;

    public ScaleCommand() {
        super("scale");
    }

    @Override
    protected void check() {
        if (quick) {
            requestsPerModel = 12;
            datasetLimit = 6_000;
            baseEpochs = 1;
        }
        List<String> bad = new ArrayList<>();
        if (workers.isEmpty() || workers.stream().anyMatch(w -> w < 1 || w > 8)) {
            bad.add("--workers: each between 1 and 8");
        }
        if (models < 1 || requestsPerModel < 1 || rate <= 0 || baseEpochs < 1 || batchMax < 1 || batchWaitMs < 0 || threads < 0) {
            bad.add("--models, --requests-per-model, --base-epochs and --batch-max-requests ≥ 1, --rate > 0, --batch-max-wait-ms"
                    + " and --threads-per-worker ≥ 0");
        }
        if (5L * models * requestsPerModel > datasetLimit || datasetLimit > 60_000) {
            bad.add("5 samples × models × requests per model must fit in --dataset-limit (≤ 60,000)");
        }
        if (!bad.isEmpty()) {
            throw new UnlearnException("bench scale: " + String.join("; ", bad));
        }
    }

    @Override
    protected ScaleResult measure(LocalStack stack, Path dir) throws Exception {
        return new ScaleBenchmark(stack, dir, System.out).run(new ScaleBenchmark.Options(workers, models, requestsPerModel, rate,
                baseEpochs, method, datasetLimit, batchMax, batchWaitMs, threads));
    }

    @Override
    protected Report<ScaleResult> report() {
        return ScaleResult.REPORT;
    }
}
