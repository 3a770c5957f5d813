package io.unlearn.ml.archfixture;

/** A deliberately broken engine class for {@code ArchitectureTest}: a command-line entry point inside ml. */
public final class EngineClassWithAMain {
    private EngineClassWithAMain() {
    }

    public static void main(String[] args) {
        System.out.println(io.unlearn.bench.MarkdownSections.replace("", "## A", "## A\n"));
    }
}
