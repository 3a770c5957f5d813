package io.unlearn.bench.pipeline;

import io.unlearn.bench.harness.Report;
import io.unlearn.bench.harness.StackBenchCommand;
import io.unlearn.bench.harness.WorkloadOptions;
import io.unlearn.ml.UnlearnException;
import io.unlearn.stack.LocalStack;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unlearn bench pipeline}: see {@link PipelineBenchmark}. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publication → APPLIED latency and requests folded per minute through request-ingest and the"
                + " worker, batched against one request per version, on a fresh local stack with the Fashion-MNIST"
                + " catalogue."})
public final class PipelineCommand extends StackBenchCommand<PipelineResult> {

    @Mixin
    private WorkloadOptions workload = new WorkloadOptions(2400, 3, "rl");

    @Option(names = "--rate", paramLabel = "R", description = "Requests published per second (default: ${DEFAULT-VALUE}).")
    private double rate = 20;

    @Option(names = "--unbatched-requests", paramLabel = "N", description = "Requests in the one-per-version phase (default: ${DEFAULT-VALUE}).")
    private int unbatched = 10;

    @Option(names = "--batch-max-requests", paramLabel = "N", description = "Worker batch limit (default: ${DEFAULT-VALUE}).")
    private int batchMax = 500;

    @Option(names = "--batch-max-wait-ms", paramLabel = "MS", description = "Worker batch wait (default: ${DEFAULT-VALUE}).")
    private long batchWaitMs = 15_000;

    @Option(names = "--quick", description = "A smaller run: 600 requests, 5 unbatched, 1-epoch base models.")
    private boolean quick;

    public PipelineCommand() {
        super("pipeline");
    }

    @Override
    protected void check() {
        if (quick) {
            workload.quick(600, 1);
            unbatched = 5;
        }
        int requests = workload.requests();
        if (requests < 10 || rate <= 0 || unbatched < 1 || 5L * (requests + unbatched) > 60_000) {
            throw new UnlearnException("need --requests ≥ 10, --rate > 0, --unbatched-requests ≥ 1 and 5 × all requests"
                    + " ≤ 60,000 samples");
        }
    }

    @Override
    protected PipelineResult measure(LocalStack stack, Path dir) throws Exception {
        PipelineBenchmark.Options o = new PipelineBenchmark.Options(workload.requests(), rate, unbatched,
                workload.baseEpochs(), batchMax, batchWaitMs, workload.method());
        return new PipelineBenchmark(stack, dir, System.out).run(o);
    }

    @Override
    protected Report<PipelineResult> report() {
        return PipelineResult.REPORT;
    }
}
