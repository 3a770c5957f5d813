package io.unlearn.bench.methods;

import io.unlearn.bench.BenchRuns;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code unlearn bench methods}: see {@link MethodsBenchmark}. */
@Command(name = "methods", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The unlearning methods against Retrain, the exact reference, on the Fashion-MNIST CNN.",
            "For a random 10%% forget set and for a whole class (T-shirt/top), per seed: trains the base model (cached),"
                    + " runs Retrain and every approximate method, and reports UA, MIA-Efficacy, RA, TA, run time,"
                    + " Avg. Gap to Retrain and speed-up over Retrain, plus MLP and CNN training throughput.",
            "A full run takes about 1.5 h on 2 cores; --quick --seeds 1 --methods ft takes a few minutes."})
public final class MethodsCommand implements Callable<Integer> {

    @Mixin
    private MethodsOptions options = new MethodsOptions();

    @Override
    public Integer call() {
        return BenchRuns.engine(() -> MethodsBenchmark.run(options, System.out::println), MethodsReport.INSTANCE,
                options.output());
    }
}
