package io.unlearn.bench;

import java.util.function.Function;

/**
 * How one benchmark presents its result: its section of docs/BENCHMARKS.md and its console table. The JSON is
 * the result record itself (see {@link BenchWriters}).
 *
 * @param <R> the benchmark's result record
 */
public interface Report<R> {

    /** @return the section's heading line, e.g. {@code ## Unlearning methods} */
    String heading();

    /**
     * @param result the result
     * @return the whole section, starting with {@link #heading()}
     */
    String section(R result);

    /**
     * @param result the result
     * @return what the console shows when the run ends
     */
    String table(R result);

    /**
     * A report made of a heading and a body, with nothing for the console (the streaming benchmarks print their
     * figures as they measure them).
     *
     * @param heading the section's heading line
     * @param body the section's text below the heading
     * @param <R> the result type
     * @return the report
     */
    static <R> Report<R> of(String heading, Function<R, String> body) {
        return new Report<>() {
            @Override
            public String heading() {
                return heading;
            }

            @Override
            public String section(R result) {
                return heading + "\n\n" + body.apply(result).strip() + "\n";
            }

            @Override
            public String table(R result) {
                return "";
            }
        };
    }
}
