package io.unlearn.ml.bench;

/**
 * One benchmark's section in docs/BENCHMARKS.md: from its {@code ## heading} line to the next {@code ## }
 * heading. Every benchmark writer (methods, concepts, worst case, and the launcher's ingest and pipeline
 * benchmarks) replaces only its own section through this one function.
 */
public final class MarkdownSections {
    private MarkdownSections() {
    }

    /**
     * @param document the whole Markdown document
     * @param heading the section's heading line, e.g. {@code ## Unlearning methods (issue 3)}
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
}
