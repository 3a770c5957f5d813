package io.unlearn.bench;

import io.unlearn.ml.Devices;
import io.unlearn.ml.UnlearnException;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a benchmark subcommand runs: the engine benchmarks write their own (partial) results as they go; the
 * streaming ones run on a fresh local stack in a temporary directory and are written once at the end. Both
 * end with the console table and where the result went.
 */
public final class BenchRuns {

    /** A streaming benchmark's body: what it measures on the stack it is given. */
    @FunctionalInterface
    public interface OnStack<R> {
        /**
         * @param stack a fresh local stack
         * @param dir the run's temporary directory (state, artifacts)
         * @return the result
         * @throws Exception whatever stops the run
         */
        R run(LocalStack stack, Path dir) throws Exception;
    }

    /** An engine benchmark's body. */
    @FunctionalInterface
    public interface Engine<R> {
        /** @return the result, already written to the output files */
        R run();
    }

    private BenchRuns() {
    }

    /**
     * Runs an engine benchmark with DJL kept offline and prints its summary.
     *
     * @return the exit code
     */
    public static <R> int engine(Engine<R> body, Report<R> report, OutputOptions output) {
        Devices.applyOfflineDefaults();
        long start = System.nanoTime();
        R result = body.run();
        BenchWriters.printSummary(result, report, output, start, System.out);
        return 0;
    }

    /**
     * Starts a fresh local stack in a new temporary directory named after {@code benchmark}, runs the body on it,
     * closes the stack, writes the result and prints the summary.
     *
     * @return the exit code
     * @throws Exception whatever the body throws
     */
    public static <R> int onFreshStack(String benchmark, OnStack<R> body, Report<R> report, OutputOptions output)
            throws Exception {
        long start = System.nanoTime();
        Path dir = tempDir(benchmark);
        R result;
        try (LocalStack stack = LocalStack.start(LocalStackConfig.custom().optDataDir(dir.resolve("stack")).build())) {
            result = body.run(stack, dir);
        }
        BenchWriters.write(result, report, output);
        BenchWriters.printSummary(result, report, output, start, System.out);
        return 0;
    }

    private static Path tempDir(String benchmark) {
        try {
            return Files.createTempDirectory("unlearn-bench-" + benchmark + "-");
        } catch (IOException e) {
            throw new UnlearnException("cannot create a temporary directory for the " + benchmark + " benchmark: "
                    + e.getMessage() + "; set java.io.tmpdir to a writable directory", e);
        }
    }
}
