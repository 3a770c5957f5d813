package io.unlearn.bench.ingest;

import io.unlearn.bench.harness.Report;
import io.unlearn.bench.harness.StackBenchCommand;
import io.unlearn.ml.UnlearnException;
import io.unlearn.stack.LocalStack;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unlearn bench ingest}: see {@link IngestBenchmark}. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Requests per second through the exactly-once ingest topology against a raw producer → consumer"
                + " pipe on the same broker and payloads, and produce → ACCEPTED latency, on a fresh local stack."})
public final class IngestCommand extends StackBenchCommand<IngestResult> {

    @Option(names = "--requests", paramLabel = "N", description = "Deletion requests to push through (default: ${DEFAULT-VALUE}).")
    private int requests = 100_000;

    @Option(names = "--quick", description = "A smaller run (20,000 requests) for a quick look.")
    private boolean quick;

    @Option(names = "--stream-threads", paramLabel = "N", description = "Stream threads of the ingest instance (default: ${DEFAULT-VALUE}).")
    private int streamThreads = 1;

    @Option(names = "--commit-interval-ms", paramLabel = "MS", description = "Exactly-once commit interval of the ingest instance (default: ${DEFAULT-VALUE}).")
    private long commitIntervalMs = 100;

    public IngestCommand() {
        super("ingest");
    }

    private int count() {
        return quick ? 20_000 : requests;
    }

    @Override
    protected void check() {
        if (count() < 1000) {
            throw new UnlearnException("--requests " + count() + " is too few to time: use at least 1000");
        }
    }

    @Override
    protected IngestResult measure(LocalStack stack, Path dir) throws Exception {
        return new IngestBenchmark(stack, System.out).run(count(), streamThreads, commitIntervalMs, dir.resolve("state"));
    }

    @Override
    protected Report<IngestResult> report() {
        return IngestResult.REPORT;
    }
}
