package io.unlearn.cli.bench;

import io.unlearn.ml.bench.MarkdownSections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces one {@code ## heading} section of docs/BENCHMARKS.md (up to the next {@code ## } heading),
 * or appends it, leaving the other benchmarks' sections as they are (the engine's {@link MarkdownSections}).
 */
public final class BenchmarksMarkdown {
    private BenchmarksMarkdown() {
    }

    public static void replaceSection(Path file, String heading, String body) {
        try {
            String text = Files.exists(file) ? Files.readString(file)
                    : "# Benchmarks\n\nMeasured figures, each section written by the command it names.\n";
            String section = heading + "\n\n" + body.strip() + "\n";
            String updated = MarkdownSections.replace(text, heading, section);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, updated);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update " + file + ": " + e.getMessage(), e);
        }
    }
}
