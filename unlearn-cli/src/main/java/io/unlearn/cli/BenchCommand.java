package io.unlearn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.unlearn.cli.bench.BenchmarksMarkdown;
import io.unlearn.cli.bench.IngestBenchResult;
import io.unlearn.cli.bench.IngestBenchmark;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unlearn bench …}: benchmarks that print their figures and write JSON and docs/BENCHMARKS.md. */
@Command(name = "bench", description = "Benchmarks: print the figures, write JSON and docs/BENCHMARKS.md.",
        subcommands = {BenchCommand.Ingest.class})
final class BenchCommand {

    /** Options every benchmark has. */
    static class Output {
        @Option(names = "--out", required = true, description = "JSON file to write.")
        Path out;

        @Option(names = "--markdown", description = "Markdown file whose section to update (default: ${DEFAULT-VALUE}; 'none' to skip).")
        String markdown = "docs/BENCHMARKS.md";

        void write(Object result, String heading, String markdownBody) {
            try {
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
            } catch (IOException e) {
                throw new CliException("Cannot write " + out + ": " + e.getMessage());
            }
            if (!"none".equals(markdown)) {
                BenchmarksMarkdown.replaceSection(Path.of(markdown), heading, markdownBody);
            }
            System.out.println("wrote " + out + ("none".equals(markdown) ? "" : " and " + markdown));
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Requests/s through the exactly-once ingest topology vs a raw producer→consumer pipe, and latency, on a fresh local stack.")
    static final class Ingest extends Output implements Callable<Integer> {
        @Option(names = "--requests", description = "Deletion requests to push through (default: ${DEFAULT-VALUE}).")
        int requests = 100_000;

        @Option(names = "--quick", description = "A smaller run (20,000 requests) for a quick look.")
        boolean quick;

        @Option(names = "--stream-threads", description = "Stream threads of the ingest instance (default: ${DEFAULT-VALUE}).")
        int streamThreads = 1;

        @Option(names = "--commit-interval-ms", description = "Exactly-once commit interval of the ingest instance (default: ${DEFAULT-VALUE}).")
        long commitIntervalMs = 100;

        @Override
        public Integer call() throws IOException {
            int n = quick ? 20_000 : requests;
            if (n < 1000) {
                throw new CliException("--requests " + n + " is too few to time: use at least 1000");
            }
            Path dir = Files.createTempDirectory("unlearn-bench-ingest-");
            IngestBenchResult result;
            try (LocalStack stack = LocalStack.start(LocalStackConfig.custom().optDataDir(dir.resolve("stack")).build())) {
                result = new IngestBenchmark(stack, System.out).run(n, streamThreads, commitIntervalMs, dir.resolve("state"));
            }
            write(result, "## Ingest throughput (issue 6)", result.markdown());
            return 0;
        }
    }
}
