package io.unlearn.bench.gate;

import io.unlearn.bench.harness.Report;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the gate benchmark presents a {@link GateResult}: its section of docs/BENCHMARKS.md (settings, one table per
 * setting × base, the summary against the goal), the console line of each judged candidate and the closing table.
 */
public final class GateReport {

    /** The gate benchmark's report: its section of docs/BENCHMARKS.md and its console table. */
    public static final Report<GateResult> REPORT = new Report<>("## Forgetting gate", GateReport::markdown,
            GateReport::table);

    private GateReport() {
    }

    static String markdown(GateResult result) {
        StringBuilder md = new StringBuilder(Report.partialNote(result.complete()));
        md.append("Command: `").append(result.settings().get("command")).append("`.\n\n");
        md.append("Machine: ").append(kv(result.machine())).append(".\n\n");
        md.append("Settings: ").append(kv(result.settings())).append(".\n\n");
        md.append("Each candidate is judged by the evaluator's `ForgettingGate` with the base as parent; `adequate` ="
                + " Avg. Gap to Retrain (same forget set, base and seed) ≤ " + GateSummary.ADEQUATE_GAP + " points;"
                + " advantage = the loss attack's membership advantage on the version over the whole forget set, with"
                + " its 95% interval (points); SVM and parent = the SVM attack on the version and the loss attack on"
                + " the parent; drop = the paired drop from the parent's loss advantage to the version's. UA, MIA (MIA-Efficacy), RA, TA in percent.\n");
        for (String group : groups(result.rows())) {
            md.append("\n### `").append(group.replace("/", "` on the `")).append("` base\n\n")
                    .append("| candidate | seed | gap | adequate | verdict | advantage [95% CI] | SVM | parent | drop | UA | MIA | RA | TA |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (GateRow r : result.rows()) {
                if (group(r).equals(group)) {
                    md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %s | %s | %.1f [%.1f, %.1f] | %.1f | %.1f | %.1f |"
                            + " %.2f | %.2f | %.2f | %.2f |%n", r.candidate(), r.seed(), r.avgGapVsRetrain(),
                            r.adequate() ? "yes" : "no", verdict(r), r.advantage(), r.ciLow(), r.ciHigh(), r.svmAdvantage(),
                            r.parentAdvantage(), r.signalDrop(), r.ua(), r.mia(), r.ra(), r.ta()));
                }
            }
        }
        return md.append('\n').append(summary(result.summary())).toString();
    }

    static String table(GateResult result) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %-10s %-28s %s%n", "setting/base",
                "candidate", "verdict per seed", "gap per seed"));
        for (String group : groups(result.rows())) {
            List<GateRow> g = result.rows().stream().filter(r -> group(r).equals(group)).toList();
            for (String c : g.stream().map(GateRow::candidate).distinct().toList()) {
                List<GateRow> cs = g.stream().filter(r -> r.candidate().equals(c)).toList();
                sb.append(String.format(Locale.ROOT, "%-20s %-10s %-28s %s%n", group, c,
                        cs.stream().map(GateRow::verdict).collect(Collectors.joining(" ")),
                        cs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.avgGapVsRetrain()))
                                .collect(Collectors.joining(" "))));
            }
        }
        return sb.append(summary(result.summary())).toString();
    }

    /** The summary, the goal and every missed goal, as plain lines. */
    static String summary(GateSummary s) {
        StringBuilder sb = new StringBuilder("Summary: ").append(s.line()).append(".\n\n");
        sb.append("Goal: ").append(GateSummary.goal()).append(".\n\n");
        List<String> missed = s.missedGoals();
        sb.append(missed.isEmpty() ? "Every goal is met.\n" : "Missed goals:\n\n" + missed.stream().map(m -> "- " + m)
                .collect(Collectors.joining("\n")) + "\n");
        return sb.toString();
    }

    /** @return the console line of one judged candidate */
    static String consoleLine(GateRow r) {
        return String.format(Locale.ROOT, "  %s/%s seed %d %-9s gap %5.2f %-12s %-12s loss adv %6.1f [%6.1f, %6.1f]"
                + " svm %6.1f parent %6.1f drop %6.1f%s", r.setting(), r.base(), r.seed(), r.candidate(), r.avgGapVsRetrain(),
                r.adequate() ? "(adequate)" : "(inadequate)", r.verdict(), r.advantage(), r.ciLow(), r.ciHigh(),
                r.svmAdvantage(), r.parentAdvantage(), r.signalDrop(), r.samplesNeeded() == null ? "" : " needs ~" + r.samplesNeeded());
    }

    private static String verdict(GateRow r) {
        return r.samplesNeeded() == null ? r.verdict() : r.verdict() + " (~" + r.samplesNeeded() + " samples)";
    }

    private static List<String> groups(List<GateRow> rows) {
        return rows.stream().map(GateReport::group).distinct().toList();
    }

    private static String group(GateRow r) {
        return r.setting() + "/" + r.base();
    }

    private static String kv(Map<String, Object> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }
}
