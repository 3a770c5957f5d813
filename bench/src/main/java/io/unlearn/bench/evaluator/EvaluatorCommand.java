package io.unlearn.bench.evaluator;

import io.unlearn.bench.harness.Report;
import io.unlearn.bench.harness.StackBenchCommand;
import io.unlearn.bench.harness.WorkloadOptions;
import io.unlearn.ml.UnlearnException;
import io.unlearn.stack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unlearn bench evaluator}: see {@link EvaluatorBenchmark}. */
@Command(name = "evaluator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seconds from a version's publication to its basic report and to its worst-case challenge report,"
                + " per version kind (BASE, UNLEARNED, RETRAINED, SUPPRESSED), on the default model (fresh local"
                + " stack, worker + evaluator in one JVM)."})
public final class EvaluatorCommand extends StackBenchCommand<EvaluatorResult> {

    @Mixin
    private WorkloadOptions workload = new WorkloadOptions(10, 3, "ft");

    @Option(names = "--samples-per-request", paramLabel = "N", description = "Samples each request forgets (default: ${DEFAULT-VALUE}).")
    private int samplesPerRequest = 60;

    @Option(names = "--no-concept", description = "Skip the concept removal (SUPPRESSED row).")
    private boolean noConcept;

    @Option(names = "--timeout-minutes", paramLabel = "N", description = "Give up waiting for versions and reports after this long (default: ${DEFAULT-VALUE}).")
    private int timeoutMinutes = 30;

    public EvaluatorCommand() {
        super("evaluator");
    }

    @Override
    protected void check() {
        int requests = workload.requests();
        if (requests < 1 || samplesPerRequest < 1 || requests * samplesPerRequest > 30_000 || workload.baseEpochs() < 1) {
            throw new UnlearnException("need --requests ≥ 1, --samples-per-request ≥ 1, requests × samples ≤ 30,000"
                    + " and --base-epochs ≥ 1");
        }
    }

    @Override
    protected EvaluatorResult measure(LocalStack stack, Path dir) throws Exception {
        EvaluatorBenchmark.Options o = new EvaluatorBenchmark.Options(workload.baseEpochs(), workload.requests(),
                samplesPerRequest, workload.method(), !noConcept, Duration.ofMinutes(timeoutMinutes));
        return new EvaluatorBenchmark(stack, dir, System.out).run(o);
    }

    @Override
    protected Report<EvaluatorResult> report() {
        return EvaluatorResult.REPORT;
    }
}
