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
        description = {"Requests per second through the exactly-once ingest topology against a minimal exactly-once"
                + " topology with the same reads and writes and no logic, and a raw producer → consumer pipe on the same"
                + " broker and payloads (interleaved rounds, medians), and produce → ACCEPTED latency, on a fresh local stack."})
public final class IngestCommand extends StackBenchCommand<IngestResult> {

    @Option(names = "--requests", paramLabel = "N", description = "Deletion requests to push through (default: ${DEFAULT-VALUE}).")
    private int requests = 100_000;

    @Option(names = "--quick", description = "A smaller run (20,000 requests) for a quick look.")
    private boolean quick;

    @Option(names = "--rounds", paramLabel = "N", description = "Interleaved rounds of raw pipe, minimal topology and"
            + " ingest topology; medians are reported (default: ${DEFAULT-VALUE}).")
    private int rounds = 3;

    @Option(names = "--stream-threads", paramLabel = "N", description = "Stream threads of the ingest and the minimal topology (default: ${DEFAULT-VALUE}).")
    private int streamThreads = 1;

    @Option(names = "--commit-interval-ms", paramLabel = "MS", description = "Exactly-once commit interval of the ingest and the minimal topology (default: ${DEFAULT-VALUE}).")
    private long commitIntervalMs = 100;

    public IngestCommand() {
        super("ingest");
    }

    private int count() {
        return quick ? 20_000 : requests;
    }

    @Override
    protected void check() {
        if (rounds < 1) {
            throw new UnlearnException("--rounds " + rounds + " must be at least 1");
        }
        if (count() < 1000) {
            throw new UnlearnException("--requests " + count() + " is too few to time: use at least 1000");
        }
    }

    @Override
    protected IngestResult measure(LocalStack stack, Path dir) throws Exception {
        return new IngestBenchmark(stack, System.out).run(count(), rounds, streamThreads, commitIntervalMs, dir.resolve("state"));
    }

    @Override
    protected Report<IngestResult> report() {
        return IngestResult.REPORT;
    }
}
