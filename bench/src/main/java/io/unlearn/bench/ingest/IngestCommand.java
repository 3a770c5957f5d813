package io.unlearn.bench.ingest;

import io.unlearn.bench.BenchRuns;
import io.unlearn.bench.OutputOptions;
import io.unlearn.ml.UnlearnException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unlearn bench ingest}: see {@link IngestBenchmark}. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Requests per second through the exactly-once ingest topology against a raw producer → consumer"
                + " pipe on the same broker and payloads, and produce → ACCEPTED latency, on a fresh local stack."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    private OutputOptions output = new OutputOptions("ingest");

    @Option(names = "--requests", paramLabel = "N", description = "Deletion requests to push through (default: ${DEFAULT-VALUE}).")
    private int requests = 100_000;

    @Option(names = "--quick", description = "A smaller run (20,000 requests) for a quick look.")
    private boolean quick;

    @Option(names = "--stream-threads", paramLabel = "N", description = "Stream threads of the ingest instance (default: ${DEFAULT-VALUE}).")
    private int streamThreads = 1;

    @Option(names = "--commit-interval-ms", paramLabel = "MS", description = "Exactly-once commit interval of the ingest instance (default: ${DEFAULT-VALUE}).")
    private long commitIntervalMs = 100;

    @Override
    public Integer call() throws Exception {
        int n = quick ? 20_000 : requests;
        if (n < 1000) {
            throw new UnlearnException("--requests " + n + " is too few to time: use at least 1000");
        }
        return BenchRuns.onFreshStack("ingest", (stack, dir) -> new IngestBenchmark(stack, System.out)
                .run(n, streamThreads, commitIntervalMs, dir.resolve("state")), IngestResult.REPORT, output);
    }
}
