package io.unlearn.bench.worstcase;

import io.unlearn.bench.harness.Report;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the worst-case benchmark presents a {@link WorstCaseResult}: its section of docs/BENCHMARKS.md (per ratio, each
 * method's Avg. Gap on the random, worst, lowest-loss and gate-hardest sets with the set of its largest gap and the
 * paper's claim; every metric per method and set; the order by Avg. Gap; the search cost against its goals); the
 * console shows the same section. The JSON keeps {@code rows} (method, ratio, set, ua, mia, ra, ta, avg_gap),
 * {@code searches} (ratio, model, pool_size, seconds) and {@code findings} (ratio, method, gaps by set,
 * largest_gap_set, worst_widens_gap).
 */
public final class WorstCaseReport {

    /** The worst-case benchmark's report; the console shows the section's body too. */
    public static final Report<WorstCaseResult> REPORT = new Report<>("## Worst-case forget sets",
            WorstCaseReport::markdown, WorstCaseReport::markdown);

    /** Goal: an MLP search on a 10k pool within this many seconds. */
    public static final double MLP_GOAL_SECONDS = 300;

    /** Goal: a CNN search within this many Retrain run times. */
    public static final double CNN_GOAL_RETRAINS = 3;

    private WorstCaseReport() {
    }

    /**
     * @param r the result
     * @return the Markdown section below its heading
     */
    static String markdown(WorstCaseResult r) {
        StringBuilder md = new StringBuilder(Report.partialNote(r.complete()));
        md.append("Machine: ").append(kv(r.machine())).append(".\n\nSettings: ").append(kv(r.settings())).append(".\n\n");
        md.append("UA, MIA, RA, TA in percent; Avg. Gap against Retrain on the same set (Retrain runs on each set)."
                + " Sets, all of the same size m: `random` (uniform), `worst` (the bi-level search), `lowest-loss` (the"
                + " m samples the model fits best), `gate-hardest` (the m whose membership the method leaves most"
                + " detectable).\n");
        List<String> sets = r.rows().stream().map(WorstCaseRow::set).distinct().toList();
        for (double ratio : r.rows().stream().map(WorstCaseRow::ratio).distinct().toList()) {
            md.append(String.format(Locale.ROOT, "%n### Forget ratio %s%n%n", pct(ratio)));
            gapTable(md, r, ratio, sets);
            md.append("\n| method | set | UA | MIA | RA | TA | Avg. Gap |\n|---|---|---|---|---|---|---|\n");
            r.rows().stream().filter(x -> x.ratio() == ratio).sorted(Comparator.comparing(WorstCaseRow::method,
                    Comparator.comparingInt(m -> methodOrder(r, m)))).forEach(x -> md.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s |%n", x.method(), x.set(), num(x.ua()), num(x.mia()),
                    num(x.ra()), num(x.ta()), num(x.avgGap()))));
            md.append('\n');
            for (String set : sets) {
                md.append("Order by Avg. Gap on ").append(set).append(" (best first): ").append(order(r, ratio, set))
                        .append(".\n");
            }
        }
        md.append("\n### Search cost\n\n| ratio | model | pool | seconds | goal |\n|---|---|---|---|---|\n");
        for (SearchTiming s : r.searches()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %s |%n", pct(s.ratio()), s.model(),
                    s.poolSize(), s.seconds(), goal(r, s)));
        }
        return md.toString();
    }

    /** Each method's gap on each set, the set of its largest gap, and the paper's claim (worst widens the gap). */
    private static void gapTable(StringBuilder md, WorstCaseResult r, double ratio, List<String> sets) {
        md.append("| method | ").append(sets.stream().map(x -> "Gap " + x).collect(Collectors.joining(" | ")))
                .append(" | largest gap | worst > random |\n|---|")
                .append("---|".repeat(sets.size() + 2)).append('\n');
        List<SetFinding> findings = r.findings().stream().filter(f -> f.ratio() == ratio).toList();
        for (SetFinding f : findings) {
            md.append("| ").append(f.method());
            sets.forEach(x -> md.append(" | ").append(f.gaps().containsKey(x) ? num(f.gaps().get(x)) : "–"));
            md.append(" | ").append(f.largestGapSet()).append(" | ")
                    .append(f.worstWidensGap() == null ? "–" : f.worstWidensGap() ? "yes" : "no").append(" |\n");
        }
        long widened = findings.stream().filter(f -> Boolean.TRUE.equals(f.worstWidensGap())).count();
        long judged = findings.stream().filter(f -> f.worstWidensGap() != null).count();
        Map<String, Long> largest = findings.stream().collect(Collectors.groupingBy(SetFinding::largestGapSet,
                java.util.TreeMap::new, Collectors.counting()));
        md.append(String.format(Locale.ROOT, "%nThe paper's claim (a worst-case set widens the Avg. Gap against a"
                + " random set of the same size): %s here, for %d of %d methods. Largest gap by set: %s.%n",
                judged == 0 ? "not judged" : widened * 2 > judged ? "holds" : "does not hold", widened, judged,
                largest.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
    }

    private static int methodOrder(WorstCaseResult r, String method) {
        return r.rows().stream().map(WorstCaseRow::method).distinct().toList().indexOf(method);
    }

    private static String goal(WorstCaseResult r, SearchTiming s) {
        if (s.model().equals("mlp")) {
            return String.format(Locale.ROOT, "≤ %.0f s on 10k: %s%s", MLP_GOAL_SECONDS,
                    s.seconds() <= MLP_GOAL_SECONDS ? "met" : "missed", s.poolSize() == 10_000 ? "" : " (other pool size)");
        }
        Object retrain = r.settings().get("retrain_seconds_" + s.ratio());
        if (!(retrain instanceof Number n)) {
            return "–";
        }
        double x = s.seconds() / n.doubleValue();
        return String.format(Locale.ROOT, "≤ %.0f× Retrain (%.0f s): %.2f×, %s", CNN_GOAL_RETRAINS, n.doubleValue(), x,
                x <= CNN_GOAL_RETRAINS ? "met" : "missed");
    }

    private static String order(WorstCaseResult r, double ratio, String set) {
        return r.rows().stream().filter(x -> x.ratio() == ratio && x.set().equals(set) && !x.method().equals("retrain"))
                .sorted(Comparator.comparingDouble(WorstCaseRow::avgGap)).map(WorstCaseRow::method)
                .collect(Collectors.joining(" < "));
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * ratio);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String kv(Map<String, Object> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }
}
