package io.unlearn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownSectionsTest {
    private static final String DOC = "# Benchmarks\n\n## A\n\nold a\n\n## B\n\nold b\n";

    @Test
    void replacesOnlyItsOwnSection() {
        assertThat(MarkdownSections.replace(DOC, "## A", "## A\n\nnew a\n"))
                .isEqualTo("# Benchmarks\n\n## A\n\nnew a\n\n## B\n\nold b\n");
        assertThat(MarkdownSections.replace(DOC, "## B", "## B\n\nnew b\n"))
                .isEqualTo("# Benchmarks\n\n## A\n\nold a\n\n## B\n\nnew b\n");
    }

    @Test
    void appendsAMissingSectionAndIgnoresHeadingsThatOnlyEndAlike() {
        assertThat(MarkdownSections.replace(DOC, "## C", "## C\n\nc\n")).endsWith("old b\n\n## C\n\nc\n");
        assertThat(MarkdownSections.replace("## Big A\n\nx\n", "## A", "## A\n\ny\n")).isEqualTo("## Big A\n\nx\n\n## A\n\ny\n");
    }
}
