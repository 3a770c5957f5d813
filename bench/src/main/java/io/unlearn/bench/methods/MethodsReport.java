package io.unlearn.bench.methods;

import io.unlearn.bench.Report;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the methods benchmark presents a {@link MethodsResult}: its section of docs/BENCHMARKS.md (throughput, one
 * table per setting, the goal check) and the console table.
 */
public final class MethodsReport {

    /** The methods benchmark's report: its section of docs/BENCHMARKS.md and its console table. */
    public static final Report<MethodsResult> REPORT = new Report<>("## Unlearning methods", MethodsReport::markdown,
            MethodsReport::table);

    private MethodsReport() {
    }

    /**
     * @param result the result
     * @return the Markdown section below its heading
     */
    static String markdown(MethodsResult result) {
        StringBuilder md = new StringBuilder(Report.partialNote(result.complete()));
        md.append("Machine: ").append(kv(result.machine())).append(".\n\n");
        md.append("Settings: ").append(kv(result.settings())).append(".\n\n");
        md.append("Mean ± standard deviation over seeds; UA, MIA, RA, TA in percent; Avg. Gap against Retrain on the"
                + " same forget set and seed; speed-up = Retrain's run time / the method's, in the same run."
                + " `original` is the base model with nothing done. MIA-Efficacy: Smile's LASVM (5 passes) on shadow sets"
                + " capped at 2,000 members and 2,000 non-members (see `MiaEfficacy` for why). RTE is wall time on the"
                + " machine above; the same quiet machine varies by about ±20% between runs, so a speed-up near a"
                + " threshold is noisy. The CNN's throughput is the one recorded when its cached base model was"
                + " trained.\n\n");
        md.append("Training throughput (steady epochs):\n\n| model | samples/s | epochs | test accuracy |\n|---|---|---|---|\n");
        for (Throughput t : result.throughput()) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %d | %.2f%% |%n", t.model(), t.samplesPerSecond(),
                    t.epochs(), t.testAccuracy()));
        }
        List<MethodsSummary> summaries = MethodsSummary.of(result.rows());
        for (String setting : summaries.stream().map(MethodsSummary::setting).distinct().toList()) {
            md.append("\n### Setting `").append(setting).append("`\n\n")
                    .append("| method | UA | MIA | RA | TA | RTE (s) | Avg. Gap | speed-up | hyperparameters |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n");
            for (MethodsSummary s : summaries) {
                if (s.setting().equals(setting)) {
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                            s.method(), pm(s.ua()), pm(s.mia()), pm(s.ra()), pm(s.ta()), pm(s.rteSeconds()),
                            pm(s.avgGap()), Double.isNaN(s.speedup()[0]) ? "–" : String.format(Locale.ROOT, "%.1f×",
                                    s.speedup()[0]), hp(s.hyperparameters())));
                }
            }
        }
        md.append('\n').append(goalCheck(summaries));
        return md.toString();
    }

    /**
     * The benchmark's goal, checked per setting: the best approximate method at ≥ 10× Retrain's speed should reach
     * an Avg. Gap ≤ 0.5 points and ≤ a third of the original model's gap.
     *
     * @param summaries per-method summaries
     * @return one line per setting
     */
    static String goalCheck(List<MethodsSummary> summaries) {
        StringBuilder sb = new StringBuilder("Goal check (best approximate method at ≥ 10× Retrain's speed; goal: Avg. Gap"
                + " ≤ 0.5 and ≤ a third of the original model's gap):\n\n");
        for (String setting : summaries.stream().map(MethodsSummary::setting).distinct().toList()) {
            double original = summaries.stream().filter(x -> x.setting().equals(setting) && x.method().equals("original"))
                    .mapToDouble(x -> x.avgGap()[0]).findFirst().orElse(Double.NaN);
            var best = summaries.stream().filter(x -> x.setting().equals(setting))
                    .filter(x -> !x.method().equals("original") && !x.method().equals("retrain"))
                    .filter(x -> x.speedup()[0] >= 10)
                    .min(Comparator.comparingDouble(x -> x.avgGap()[0]));
            if (best.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "- `%s`: no approximate method ran at ≥ 10× Retrain's speed"
                        + " (original gap %.2f): goal not met.%n", setting, original));
                continue;
            }
            MethodsSummary b = best.get();
            boolean met = b.avgGap()[0] <= 0.5 && b.avgGap()[0] <= original / 3;
            sb.append(String.format(Locale.ROOT, "- `%s`: %s, Avg. Gap %.2f ± %.2f at %.1f× vs original %.2f (ratio %.2f):"
                    + " goal %s.%n", setting, b.method(), b.avgGap()[0], b.avgGap()[1], b.speedup()[0], original,
                    b.avgGap()[0] / original, met ? "met" : "not met"));
        }
        return sb.toString();
    }

    /**
     * @param result the result
     * @return a plain-text table for the console
     */
    static String table(MethodsResult result) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %-10s %15s %15s %15s %15s %10s %13s %9s%n",
                "setting", "method", "UA", "MIA", "RA", "TA", "RTE s", "Avg.Gap", "speed-up"));
        for (MethodsSummary s : MethodsSummary.of(result.rows())) {
            sb.append(String.format(Locale.ROOT, "%-8s %-10s %15s %15s %15s %15s %10.1f %13s %9s%n", s.setting(),
                    s.method(), pm(s.ua()), pm(s.mia()), pm(s.ra()), pm(s.ta()), s.rteSeconds()[0], pm(s.avgGap()),
                    Double.isNaN(s.speedup()[0]) ? "-" : String.format(Locale.ROOT, "%.1fx", s.speedup()[0])));
        }
        for (Throughput t : result.throughput()) {
            sb.append(String.format(Locale.ROOT, "throughput %s: %,.0f samples/s (test accuracy %.2f%% after %d epochs)%n",
                    t.model(), t.samplesPerSecond(), t.testAccuracy(), t.epochs()));
        }
        sb.append(goalCheck(MethodsSummary.of(result.rows())));
        return sb.toString();
    }

    private static String pm(double[] meanStd) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", meanStd[0], meanStd[1]);
    }

    private static String hp(Map<String, Object> hp) {
        return hp.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String kv(Map<String, Object> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }
}
