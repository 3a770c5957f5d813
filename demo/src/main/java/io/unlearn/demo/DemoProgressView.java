package io.unlearn.demo;

import java.io.PrintStream;
import java.util.List;

/**
 * How the demo shows its progress. On a terminal ({@link #live}) a status block redrawn in place with ANSI escapes
 * (cursor up, erase below); elsewhere (pipes, CI, tests: {@link #plain}) a line only when the progress changed, at
 * most one every {@link #PLAIN_INTERVAL_NANOS}, and the last one when it was not shown yet.
 */
abstract class DemoProgressView {
    static final long PLAIN_INTERVAL_NANOS = 10_000_000_000L;
    final PrintStream out;

    private DemoProgressView(PrintStream out) {
        this.out = out;
    }

    /** Whether this JVM's stdout is a terminal that understands cursor movement. */
    static boolean interactiveConsole() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !term.equals("dumb");
    }

    static DemoProgressView live(PrintStream out) {
        return new Live(out);
    }

    static DemoProgressView plain(PrintStream out) {
        return new Plain(out);
    }

    /** Shows {@code status} if this view wants to now. */
    abstract void update(DemoStatus status);

    /** Shows {@code status} as the last word of this phase. */
    abstract void finish(DemoStatus status);

    /** A line that stays (a restarted service, a chaos step), printed above the status block. */
    abstract void note(String line);

    private static final class Live extends DemoProgressView {
        private int drawn;

        Live(PrintStream out) {
            super(out);
        }

        @Override
        void update(DemoStatus status) {
            draw(status.block());
        }

        @Override
        void finish(DemoStatus status) {
            draw(status.block());
            drawn = 0;
        }

        @Override
        void note(String line) {
            erase();
            out.println(line);
            out.flush();
        }

        private void draw(List<String> lines) {
            erase();
            lines.forEach(out::println);
            out.flush();
            drawn = lines.size();
        }

        /** Moves the cursor to the first line of the block and erases from there to the end of the screen. */
        private void erase() {
            if (drawn > 0) {
                out.print("\033[" + drawn + "A\r\033[J");
                drawn = 0;
            }
        }
    }

    private static final class Plain extends DemoProgressView {
        private String shown;
        private long shownAt;

        Plain(PrintStream out) {
            super(out);
        }

        @Override
        void update(DemoStatus status) {
            boolean due = shown == null || System.nanoTime() - shownAt >= PLAIN_INTERVAL_NANOS;
            if (due && !status.changes().equals(shown)) {
                print(status);
            }
        }

        @Override
        void finish(DemoStatus status) {
            if (!status.changes().equals(shown)) {
                print(status);
            }
        }

        @Override
        void note(String line) {
            out.println(line);
            out.flush();
        }

        private void print(DemoStatus status) {
            out.println(status.line());
            out.flush();
            shown = status.changes();
            shownAt = System.nanoTime();
        }
    }
}
