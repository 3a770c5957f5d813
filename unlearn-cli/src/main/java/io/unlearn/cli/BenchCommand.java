package io.unlearn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.unlearn.cli.bench.BenchmarksMarkdown;
import io.unlearn.cli.bench.IngestBenchResult;
import io.unlearn.cli.bench.IngestBenchmark;
import io.unlearn.cli.bench.PipelineBenchResult;
import io.unlearn.cli.bench.PipelineBenchmark;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unlearn bench …}: benchmarks that print their figures and write JSON and docs/BENCHMARKS.md. */
@Command(mixinStandardHelpOptions = true, name = "bench", description = "Benchmarks: print the figures, write JSON and docs/BENCHMARKS.md.",
        subcommands = {BenchCommand.Methods.class, BenchCommand.Concepts.class, BenchCommand.WorstCase.class,
                BenchCommand.Ingest.class, BenchCommand.Pipeline.class, EvaluatorBenchCommand.class})
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

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Publication → APPLIED latency and requests folded per minute through ingest and the worker, batched vs one request per version.")
    static final class Pipeline extends Output implements Callable<Integer> {
        @Option(names = "--requests", description = "Requests in the batched phase (default: ${DEFAULT-VALUE}).")
        int requests = 2400;

        @Option(names = "--rate", description = "Requests published per second (default: ${DEFAULT-VALUE}).")
        double rate = 20;

        @Option(names = "--unbatched-requests", description = "Requests in the one-per-version phase (default: ${DEFAULT-VALUE}).")
        int unbatched = 10;

        @Option(names = "--base-epochs", description = "Epochs of the base CNNs (default: ${DEFAULT-VALUE}).")
        int baseEpochs = 3;

        @Option(names = "--batch-max-requests", description = "Worker batch limit (default: ${DEFAULT-VALUE}).")
        int batchMax = 500;

        @Option(names = "--batch-max-wait-ms", description = "Worker batch wait (default: ${DEFAULT-VALUE}).")
        long batchWaitMs = 15_000;

        @Option(names = "--method", description = "Unlearning method (default: ${DEFAULT-VALUE}).")
        String method = "rl";

        @Option(names = "--quick", description = "A smaller run: 600 requests, 5 unbatched, 1-epoch base models.")
        boolean quick;

        @Override
        public Integer call() throws Exception {
            if (quick) {
                requests = 600;
                unbatched = 5;
                baseEpochs = 1;
            }
            if (requests < 10 || rate <= 0 || unbatched < 1 || 5L * (requests + unbatched) > 60_000) {
                throw new CliException("need --requests ≥ 10, --rate > 0, --unbatched-requests ≥ 1 and 5 × all requests ≤ 60,000 samples");
            }
            Path dir = Files.createTempDirectory("unlearn-bench-pipeline-");
            PipelineBenchResult result;
            try (LocalStack stack = LocalStack.start(LocalStackConfig.custom().optDataDir(dir.resolve("stack")).build())) {
                var registry = io.unlearn.schemas.registry.SchemaRegistryClient.create(stack.registryUrl());
                java.util.Map<String, Object> client = java.util.Map.of("bootstrap.servers", stack.bootstrapServers());
                io.unlearn.schemas.EventContract.install(client, registry);
                System.out.println("importing the Fashion-MNIST catalogue ...");
                new CatalogImporter(client, registry, java.time.Clock.systemUTC())
                        .importView(io.unlearn.ml.data.FashionMnist.load().train(), n -> { });
                result = new PipelineBenchmark(stack, dir, System.out).run(new PipelineBenchmark.Options(requests, rate, unbatched,
                        baseEpochs, batchMax, batchWaitMs, method));
            }
            write(result, "## Request pipeline (issue 7)", result.markdown());
            return 0;
        }
    }

    /** The engine's benchmarks parse their own options ({@code --seeds N --quick --out FILE ...}); they are passed through. */
    abstract static class EngineBench implements Callable<Integer> {
        @picocli.CommandLine.Unmatched
        java.util.List<String> args = new java.util.ArrayList<>();

        abstract void run(String[] args);

        @Override
        public Integer call() {
            run(args.toArray(new String[0]));
            return 0;
        }
    }

    @Command(name = "methods", description = "The unlearning methods vs Retrain on the CNN (issue 3): --seeds N --quick --out FILE --markdown FILE|none ...")
    static final class Methods extends EngineBench {
        @Override
        void run(String[] args) {
            io.unlearn.ml.bench.MethodsBenchmark.main(args);
        }
    }

    @Command(name = "concepts", description = "Concept removal with sparse autoencoders vs gradient ascent (issue 4): --quick --out FILE ...")
    static final class Concepts extends EngineBench {
        @Override
        void run(String[] args) {
            io.unlearn.ml.sae.bench.ConceptsBenchmark.main(args);
        }
    }

    @Command(name = "worstcase", description = "Random vs worst-case forget sets per method, and the search's cost (issue 5): --quick --out FILE ...")
    static final class WorstCase extends EngineBench {
        @Override
        void run(String[] args) {
            io.unlearn.ml.worstcase.bench.WorstCaseBenchmark.main(args);
        }
    }
}
