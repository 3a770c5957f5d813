package io.unlearn.bench.harness;

import io.unlearn.stack.LocalStack;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A streaming benchmark's subcommand: checks its options, runs the benchmark on a fresh local stack
 * ({@link BenchRuns#onFreshStack}) and writes the result under the subcommand's name ({@code bench-out/<name>.json}
 * unless {@code --out} says otherwise).
 *
 * @param <R> the benchmark's result
 */
public abstract class StackBenchCommand<R> implements Callable<Integer> {
    @Mixin
    private OutputOptions output;

    private final String name;

    /** @param name the subcommand's name, which names the result file */
    protected StackBenchCommand(String name) {
        this.name = name;
        this.output = new OutputOptions(name);
    }

    /**
     * Checks the options (all problems at once) before any stack starts.
     *
     * @throws io.unlearn.ml.UnlearnException naming the bad options
     */
    protected abstract void check();

    /** Measures on the given fresh stack; {@code dir} is the run's temporary directory. */
    protected abstract R measure(LocalStack stack, Path dir) throws Exception;

    /** How the result is written and shown. */
    protected abstract Report<R> report();

    @Override
    public final Integer call() throws Exception {
        check();
        return BenchRuns.onFreshStack(name, this::measure, report(), output);
    }
}
