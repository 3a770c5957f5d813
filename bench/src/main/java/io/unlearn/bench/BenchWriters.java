package io.unlearn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.unlearn.ml.UnlearnException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one writer set of every benchmark: the result record as JSON (snake_case keys; a component named
 * explicitly with {@code @JsonProperty} keeps that name), its Markdown section replacing only that section of
 * the shared file ({@link MarkdownSections}), and the closing console lines.
 */
public final class BenchWriters {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

    private BenchWriters() {
    }

    /**
     * Writes the JSON and, when the options name a Markdown file, the section; called after every partial step
     * too, so a long run leaves its results behind.
     *
     * @param result the result record
     * @param report how it is presented
     * @param output where to write
     * @param <R> the result type
     */
    public static <R> void write(R result, Report<R> report, OutputOptions output) {
        writeJson(result, output.out());
        if (output.markdown() != null) {
            MarkdownSections.write(output.markdown(), report.heading(), report.section(result));
        }
    }

    /**
     * @param result any result record
     * @param file where to write (parent directories are created)
     * @throws UnlearnException naming the file when it cannot be written
     */
    public static void writeJson(Object result, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), result);
        } catch (IOException e) {
            throw new UnlearnException("cannot write " + file + ": " + e.getMessage() + "; pass a writable --out", e);
        }
    }

    /**
     * Reads a result written by {@link #writeJson} (to re-render the Markdown without rerunning).
     *
     * @param file the JSON file
     * @param type the result record's class
     * @param <R> the result type
     * @return the result
     */
    public static <R> R readJson(Path file, Class<R> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UnlearnException("cannot read benchmark result " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prints the table and where the result went, with the run's wall time.
     *
     * @param result the result
     * @param report how it is presented
     * @param output where it was written
     * @param startNanos {@link System#nanoTime()} when the run began
     * @param console where to print
     * @param <R> the result type
     */
    public static <R> void printSummary(R result, Report<R> report, OutputOptions output, long startNanos,
            PrintStream console) {
        String table = report.table(result);
        if (!table.isEmpty()) {
            console.println();
            console.print(table);
        }
        console.printf("wrote %s%s in %.1f min%n", output.out(), output.markdown() == null ? ""
                : " and " + output.markdown(), (System.nanoTime() - startNanos) / 6e10);
    }
}
