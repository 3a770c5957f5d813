package io.unlearn.bench;

import io.unlearn.ml.UnlearnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One benchmark's section in docs/BENCHMARKS.md: from its {@code ## heading} line to the next {@code ## }
 * heading. Every benchmark replaces only its own section through this one function.
 */
public final class MarkdownSections {
    /** What a new benchmarks file starts with. */
    public static final String NEW_DOCUMENT = "# Benchmarks\n";

    private MarkdownSections() {
    }

    /**
     * @param document the whole Markdown document
     * @param heading the section's heading line, e.g. {@code ## Unlearning methods}
     * @param section the new section, starting with that heading
     * @return the document with the section replaced, or appended when it was not there
     */
    public static String replace(String document, String heading, String section) {
        int start = 0;
        if (!document.startsWith(heading + "\n")) {
            int at = document.indexOf("\n" + heading + "\n");
            if (at < 0) {
                return document.stripTrailing() + "\n\n" + section;
            }
            start = at + 1;
        }
        int next = document.indexOf("\n## ", start + heading.length());
        String tail = next < 0 ? "" : document.substring(next + 1);
        return document.substring(0, start) + section + (tail.isEmpty() ? "" : "\n" + tail);
    }

    /**
     * Reads {@code file} (or starts a new document), replaces or appends the section and writes it back.
     *
     * @throws UnlearnException when the file cannot be read or written
     */
    public static void write(Path file, String heading, String section) {
        try {
            String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : NEW_DOCUMENT;
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, replace(old, heading, section), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnlearnException("cannot update " + file + ": " + e.getMessage()
                    + "; pass a writable --markdown path (or none)", e);
        }
    }
}
