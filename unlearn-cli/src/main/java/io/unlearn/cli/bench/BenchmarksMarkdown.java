package io.unlearn.cli.bench;

import io.unlearn.ml.bench.MarkdownSections;
import java.nio.file.Path;

/**
 * Replaces one {@code ## heading} section of docs/BENCHMARKS.md (up to the next {@code ## } heading),
 * or appends it, leaving the other benchmarks' sections as they are (the engine's {@link MarkdownSections}).
 */
public final class BenchmarksMarkdown {
    private BenchmarksMarkdown() {
    }

    public static void replaceSection(Path file, String heading, String body) {
        MarkdownSections.write(file, heading, heading + "\n\n" + body.strip() + "\n");
    }
}
