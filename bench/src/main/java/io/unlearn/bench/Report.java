package io.unlearn.bench;

import java.util.function.Function;

/**
 * How one benchmark presents its result: its section of docs/BENCHMARKS.md (the heading, then the body) and its
 * console table. The JSON is the result record itself (see {@link BenchWriters}).
 *
 * @param heading the section's heading line, e.g. {@code ## Unlearning methods}
 * @param body the section's text below the heading
 * @param table what the console shows when the run ends (empty: the benchmark printed its figures as it went)
 * @param <R> the benchmark's result record
 */
public record Report<R>(String heading, Function<R, String> body, Function<R, String> table) {

    /** What a section of a run that had not finished says first. */
    public static final String PARTIAL = "**Partial results: the run had not finished when this was written.**\n\n";

    /**
     * @param result the result
     * @return the whole section, starting with {@link #heading()}
     */
    public String section(R result) {
        return heading + "\n\n" + body.apply(result);
    }

    /**
     * @param result the result
     * @return the console table
     */
    public String table(R result) {
        return table.apply(result);
    }

    /**
     * @param complete whether the run had finished
     * @return {@link #PARTIAL} for an unfinished run, else nothing
     */
    public static String partialNote(boolean complete) {
        return complete ? "" : PARTIAL;
    }
}
