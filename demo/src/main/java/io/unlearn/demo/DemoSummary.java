package io.unlearn.demo;

import java.io.PrintStream;
import java.util.List;

/** The console summary at the end of the demo: requests by state, versions with metrics and verdicts, challenges, latency. */
final class DemoSummary {
    static final String[] VERSION_HEADER = {"version", "kind", "method", "requests", "forgotten", "UA", "RA", "TA", "MIA", "adv (parent)", "concept acc",
            "verdict", "failing criteria"};
    static final String[] CHALLENGE_HEADER = {"version", "method", "m", "pool", "UA own set", "UA challenge set", "RA", "TA", "MIA", "result"};

    private DemoSummary() {
    }

    static void print(DemoFacts f, PrintStream out) {
        out.println();
        out.println("== Summary");
        out.printf("requests published: %d (%d re-sends of the same id), distinct: %d, final: %d, awaiting evidence: %d%n", f.published,
                f.resent, f.requestRows.size(), f.finalCount(), f.awaitingEvidence());
        f.byState.forEach((state, n) -> out.printf("  %-17s %d%n", state, n));
        f.requestRows.stream().filter(r -> r[2].equals("REJECTED")).forEach(r -> out.printf("  %s %s (%s): %s%n", r[2], r[0], r[1], r[4]));
        f.groupedOutcomes().forEach(l -> out.println("  " + l));
        out.println();
        table(out, VERSION_HEADER, f.versionRows);
        List<String> evidence = f.versions.stream().filter(v -> f.basic.containsKey(v.getVersionId()))
                .map(v -> new String[] {v.getVersionId() + " " + v.getMethod(), DemoMembership.line(f.basic.get(v.getVersionId()))})
                .filter(l -> l[1] != null).map(l -> "  " + l[0] + ": " + l[1]).toList();
        if (!evidence.isEmpty()) {
            out.println("forgetting gate per version (loss attack's membership advantage in points, 95% interval, the parent's and the paired drop beside it; every test in the HTML report):");
            evidence.forEach(out::println);
        }
        out.println();
        if (f.challengeRows.isEmpty()) {
            out.println("worst-case challenges: none finished");
        } else {
            out.println("worst-case challenges (the version's method and an exact Retrain on a challenge set of the batch's size, at least 100):");
            table(out, CHALLENGE_HEADER, f.challengeRows);
        }
        out.println();
        out.println("latency: " + f.latencyLine());
    }

    static void table(PrintStream out, String[] header, List<String[]> rows) {
        int[] w = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            w[i] = header[i].length();
            for (String[] r : rows) {
                w[i] = Math.min(60, Math.max(w[i], r[i].length()));
            }
        }
        line(out, header, w);
        for (String[] r : rows) {
            line(out, r, w);
        }
    }

    private static void line(PrintStream out, String[] cells, int[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].length() > w[i] ? cells[i].substring(0, w[i] - 1) + "…" : cells[i];
            b.append(String.format("%-" + w[i] + "s", c)).append(i + 1 < cells.length ? "  " : "");
        }
        out.println(b.toString().stripTrailing());
    }
}
