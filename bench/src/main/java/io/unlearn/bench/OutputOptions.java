package io.unlearn.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a benchmark writes (a picocli mixin every benchmark has): the JSON result ({@code --out}) and the
 * Markdown file whose section it replaces ({@code --markdown}, or {@code none}).
 */
public final class OutputOptions {
    /** The shared Markdown file every benchmark writes its section into. */
    public static final Path DEFAULT_MARKDOWN = Path.of("docs/BENCHMARKS.md");

    @Option(names = "--out", paramLabel = "FILE.json", description = "JSON file to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--markdown", paramLabel = "FILE|none", converter = PathOrNone.class,
            description = "Markdown file whose section of this benchmark is replaced; 'none' to leave every file as it is"
                    + " (default: ${DEFAULT-VALUE}).")
    private Path markdown = DEFAULT_MARKDOWN;

    /** For picocli; writes to {@code bench-out/result.json}. */
    public OutputOptions() {
        this("result");
    }

    /** @param benchmark the benchmark's name: the JSON goes to {@code bench-out/<benchmark>.json} unless {@code --out} says otherwise */
    public OutputOptions(String benchmark) {
        out = Path.of("bench-out", benchmark + ".json");
    }

    /** @return the JSON file */
    public Path out() {
        return out;
    }

    /** @return the Markdown file to update, or null for none */
    public Path markdown() {
        return markdown;
    }
}
