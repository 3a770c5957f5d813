package io.unlearn.bench.worstcase;

import io.unlearn.bench.Report;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * How the worst-case benchmark presents a {@link WorstCaseResult}: its section of docs/BENCHMARKS.md (random
 * against worst-case sets per ratio and method, the order by Avg. Gap, the search cost against its goals); the
 * console shows the same section. The JSON keeps {@code rows} (method, ratio, set, ua, mia, ra, ta, avg_gap) and
 * {@code searches} (ratio, model, pool_size, seconds).
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
                + " `random` = a uniformly random forget set, `worst` = the searched worst-case set of the same size.\n");
        for (double ratio : r.rows().stream().map(WorstCaseRow::ratio).distinct().toList()) {
            md.append(String.format(Locale.ROOT, "%n### Forget ratio %s%n%n", pct(ratio)))
                    .append("| method | UA rand | UA worst | MIA rand | MIA worst | RA rand | RA worst | TA rand | TA worst"
                            + " | Gap rand | Gap worst |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (String method : r.rows().stream().map(WorstCaseRow::method).distinct().toList()) {
                Optional<WorstCaseRow> a = find(r, ratio, method, "random");
                Optional<WorstCaseRow> b = find(r, ratio, method, "worst");
                md.append("| ").append(method);
                for (ToDoubleFunction<WorstCaseRow> f : List.<ToDoubleFunction<
                        WorstCaseRow>>of(WorstCaseRow::ua, WorstCaseRow::mia, WorstCaseRow::ra, WorstCaseRow::ta,
                        WorstCaseRow::avgGap)) {
                    md.append(" | ").append(a.map(x -> num(f.applyAsDouble(x))).orElse("–"))
                            .append(" | ").append(b.map(x -> num(f.applyAsDouble(x))).orElse("–"));
                }
                md.append(" |\n");
            }
            md.append('\n').append("Order by Avg. Gap (best first): random ").append(order(r, ratio, "random"))
                    .append("; worst ").append(order(r, ratio, "worst")).append(".\n");
        }
        md.append("\n### Search cost\n\n| ratio | model | pool | seconds | goal |\n|---|---|---|---|---|\n");
        for (SearchTiming s : r.searches()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %s |%n", pct(s.ratio()), s.model(),
                    s.poolSize(), s.seconds(), goal(r, s)));
        }
        return md.toString();
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

    private static Optional<WorstCaseRow> find(WorstCaseResult r, double ratio, String method, String set) {
        return r.rows().stream().filter(x -> x.ratio() == ratio && x.method().equals(method) && x.set().equals(set))
                .findFirst();
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
