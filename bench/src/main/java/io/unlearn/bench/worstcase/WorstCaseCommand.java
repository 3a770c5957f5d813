package io.unlearn.bench.worstcase;

import io.unlearn.bench.BenchRuns;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code unlearn bench worstcase}: see {@link WorstCaseBenchmark}. */
@Command(name = "worstcase", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Random against worst-case forget sets, per unlearning method, and what the search costs.",
            "On the methods benchmark's CNN (shared through the base-model cache) and for each forget ratio: searches"
                    + " the worst-case forget set, draws a random set of the same size, runs Retrain and every"
                    + " approximate method on both and reports UA, MIA-Efficacy, RA, TA and Avg. Gap; also times the"
                    + " search with the MLP on the same pool."})
public final class WorstCaseCommand implements Callable<Integer> {

    @Mixin
    private WorstCaseOptions options = new WorstCaseOptions();

    @Override
    public Integer call() {
        return BenchRuns.engine(() -> WorstCaseBenchmark.run(options, System.out::println), WorstCaseReport.INSTANCE,
                options.output());
    }
}
