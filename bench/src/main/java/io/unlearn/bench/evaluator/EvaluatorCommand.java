package io.unlearn.bench.evaluator;

import io.unlearn.bench.BenchRuns;
import io.unlearn.bench.OutputOptions;
import io.unlearn.ml.UnlearnException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unlearn bench evaluator}: see {@link EvaluatorBenchmark}. */
@Command(name = "evaluator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seconds from a version's publication to its basic report and to its worst-case challenge report,"
                + " per version kind (BASE, UNLEARNED, RETRAINED, SUPPRESSED), on the default model (fresh local"
                + " stack, worker + evaluator in one JVM)."})
public final class EvaluatorCommand implements Callable<Integer> {

    @Mixin
    private OutputOptions output = new OutputOptions("evaluator");

    @Option(names = "--base-epochs", paramLabel = "N", description = "Epochs of the base CNN (default: ${DEFAULT-VALUE}).")
    private int baseEpochs = 3;

    @Option(names = "--requests", paramLabel = "N", description = "Deletion requests in the batch (default: ${DEFAULT-VALUE}).")
    private int requests = 10;

    @Option(names = "--samples-per-request", paramLabel = "N", description = "Samples each request forgets (default: ${DEFAULT-VALUE}).")
    private int samplesPerRequest = 60;

    @Option(names = "--method", description = "The worker's unlearning method (default: ${DEFAULT-VALUE}).")
    private String method = "ft";

    @Option(names = "--no-concept", description = "Skip the concept removal (SUPPRESSED row).")
    private boolean noConcept;

    @Option(names = "--timeout-minutes", paramLabel = "N", description = "Give up waiting for versions and reports after this long (default: ${DEFAULT-VALUE}).")
    private int timeoutMinutes = 30;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || samplesPerRequest < 1 || requests * samplesPerRequest > 30_000 || baseEpochs < 1) {
            throw new UnlearnException("need --requests ≥ 1, --samples-per-request ≥ 1, requests × samples ≤ 30,000"
                    + " and --base-epochs ≥ 1");
        }
        EvaluatorBenchmark.Options o = new EvaluatorBenchmark.Options(baseEpochs, requests, samplesPerRequest, method,
                !noConcept, Duration.ofMinutes(timeoutMinutes));
        return BenchRuns.onFreshStack("evaluator", (stack, dir) -> new EvaluatorBenchmark(stack, dir, System.out).run(o),
                EvaluatorResult.REPORT, output);
    }
}
