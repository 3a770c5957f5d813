package io.unlearn.cli;

import io.unlearn.cli.bench.EvaluatorBenchResult;
import io.unlearn.cli.bench.EvaluatorBenchmark;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unlearn bench evaluator}: version publication → basic report and → challenge report, per kind (issue 8). */
@Command(name = "evaluator", mixinStandardHelpOptions = true,
        description = "Seconds from a version's publication to its basic report and to its worst-case challenge report, per version kind, "
                + "on the default model (fresh local stack, worker + evaluator in one JVM).")
final class EvaluatorBenchCommand extends BenchCommand.Output implements Callable<Integer> {
    @Option(names = "--base-epochs", description = "Epochs of the base CNN (default: ${DEFAULT-VALUE}).")
    int baseEpochs = 3;

    @Option(names = "--requests", description = "Deletion requests in the batch (default: ${DEFAULT-VALUE}).")
    int requests = 10;

    @Option(names = "--samples-per-request", description = "Samples each request forgets (default: ${DEFAULT-VALUE}).")
    int samplesPerRequest = 60;

    @Option(names = "--method", description = "The worker's unlearning method (default: ${DEFAULT-VALUE}).")
    String method = "ft";

    @Option(names = "--no-concept", description = "Skip the concept removal (SUPPRESSED row).")
    boolean noConcept;

    @Option(names = "--timeout-minutes", description = "Give up waiting for versions and reports after this long (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes = 30;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || samplesPerRequest < 1 || requests * samplesPerRequest > 30_000 || baseEpochs < 1) {
            throw new CliException("need --requests ≥ 1, --samples-per-request ≥ 1, requests × samples ≤ 30,000 and --base-epochs ≥ 1");
        }
        Path dir = Files.createTempDirectory("unlearn-bench-evaluator-");
        EvaluatorBenchResult result;
        try (LocalStack stack = LocalStack.start(LocalStackConfig.custom().optDataDir(dir.resolve("stack")).build())) {
            result = new EvaluatorBenchmark(stack, dir, System.out).run(new EvaluatorBenchmark.Options(baseEpochs, requests, samplesPerRequest,
                    method, !noConcept, Duration.ofMinutes(timeoutMinutes)));
        }
        write(result, "## Evaluator latency (issue 8)", result.markdown());
        return 0;
    }
}
