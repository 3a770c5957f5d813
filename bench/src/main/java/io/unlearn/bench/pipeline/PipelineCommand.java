package io.unlearn.bench.pipeline;

import io.unlearn.bench.BenchRuns;
import io.unlearn.bench.OutputOptions;
import io.unlearn.ml.UnlearnException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unlearn bench pipeline}: see {@link PipelineBenchmark}. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publication → APPLIED latency and requests folded per minute through request-ingest and the"
                + " worker, batched against one request per version, on a fresh local stack with the Fashion-MNIST"
                + " catalogue."})
public final class PipelineCommand implements Callable<Integer> {

    @Mixin
    private OutputOptions output = new OutputOptions("pipeline");

    @Option(names = "--requests", paramLabel = "N", description = "Requests in the batched phase (default: ${DEFAULT-VALUE}).")
    private int requests = 2400;

    @Option(names = "--rate", paramLabel = "R", description = "Requests published per second (default: ${DEFAULT-VALUE}).")
    private double rate = 20;

    @Option(names = "--unbatched-requests", paramLabel = "N", description = "Requests in the one-per-version phase (default: ${DEFAULT-VALUE}).")
    private int unbatched = 10;

    @Option(names = "--base-epochs", paramLabel = "N", description = "Epochs of the base CNNs (default: ${DEFAULT-VALUE}).")
    private int baseEpochs = 3;

    @Option(names = "--batch-max-requests", paramLabel = "N", description = "Worker batch limit (default: ${DEFAULT-VALUE}).")
    private int batchMax = 500;

    @Option(names = "--batch-max-wait-ms", paramLabel = "MS", description = "Worker batch wait (default: ${DEFAULT-VALUE}).")
    private long batchWaitMs = 15_000;

    @Option(names = "--method", description = "Unlearning method (default: ${DEFAULT-VALUE}).")
    private String method = "rl";

    @Option(names = "--quick", description = "A smaller run: 600 requests, 5 unbatched, 1-epoch base models.")
    private boolean quick;

    @Override
    public Integer call() throws Exception {
        if (quick) {
            requests = 600;
            unbatched = 5;
            baseEpochs = 1;
        }
        if (requests < 10 || rate <= 0 || unbatched < 1 || 5L * (requests + unbatched) > 60_000) {
            throw new UnlearnException("need --requests ≥ 10, --rate > 0, --unbatched-requests ≥ 1 and 5 × all requests"
                    + " ≤ 60,000 samples");
        }
        PipelineBenchmark.Options o = new PipelineBenchmark.Options(requests, rate, unbatched, baseEpochs, batchMax,
                batchWaitMs, method);
        return BenchRuns.onFreshStack("pipeline", (stack, dir) -> new PipelineBenchmark(stack, dir, System.out).run(o),
                PipelineResult.REPORT, output);
    }
}
