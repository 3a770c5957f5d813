package io.unlearn.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces one {@code ## heading} section of docs/BENCHMARKS.md (up to the next {@code ## } heading),
 * or appends it, leaving the other benchmarks' sections as they are.
 */
public final class BenchmarksMarkdown {
    private BenchmarksMarkdown() {
    }

    public static void replaceSection(Path file, String heading, String body) {
        try {
            String text = Files.exists(file) ? Files.readString(file)
                    : "# Benchmarks\n\nMeasured figures, each section written by the command it names.\n";
            String section = heading + "\n\n" + body.strip() + "\n";
            int start = text.indexOf(heading + "\n");
            String updated;
            if (start < 0) {
                updated = text.stripTrailing() + "\n\n" + section;
            } else {
                int next = text.indexOf("\n## ", start + heading.length());
                updated = text.substring(0, start) + section + (next < 0 ? "" : text.substring(next));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, updated);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update " + file + ": " + e.getMessage(), e);
        }
    }
}
