package io.unlearn.bench.concepts;

import io.unlearn.bench.harness.Report;
import io.unlearn.ml.sae.SaeQuality;
import io.unlearn.ml.suppression.SuppressionChoice;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the concepts benchmark presents a {@link ConceptsResult}: its section of docs/BENCHMARKS.md (the SAEs, one
 * row per concept × method with the goal, per method how many concepts met it, the SAE's calibration grid of a few
 * concepts) and the console table.
 */
public final class ConceptsReport {

    /** The concepts benchmark's report: its section of docs/BENCHMARKS.md and its console table. */
    public static final Report<ConceptsResult> REPORT = new Report<>("## Concept removal with SAEs",
            ConceptsReport::markdown, ConceptsReport::table);
    /** Concepts whose whole calibration grid is printed in the Markdown section. */
    static final List<String> SWEEP_SHOWN = List.of("Sneaker", "footwear", "Shirt", "corner-stamp");
    /** The method every other one is compared with on the attacks on the representation. */
    static final String MASK = "mask";

    private ConceptsReport() {
    }

    /**
     * @param r the result
     * @return the Markdown section below its heading
     */
    static String markdown(ConceptsResult r) {
        StringBuilder md = new StringBuilder(Report.partialNote(r.complete()));
        md.append("Machine: ").append(kv(r.machine())).append(".\n\n");
        r.settings().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\nSAEs (quality on the whole test set; accuracy with x̂ replacing the layer, no error term, no"
                + " suppression):\n\n| dataset | kind | layer | d → h | FVU | mean L0 | dead | acc without |"
                + " acc with SAE | train s | reused |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        r.saes().forEach(s -> {
            SaeQuality q = s.quality();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d → %d | %.3f | %.1f | %.1f%% | %.2f | %.2f | %.1f | %s |%n",
                    s.dataset(), s.kind(), s.layer(), s.width(), s.latents(), q.fvu(), q.meanL0(), 100 * q.deadShare(),
                    q.accuracyWithout(), q.accuracyWithSae(), s.trainingSeconds(), s.reused()));
        });
        md.append("\nResults on the report half of the test set (percent; concept acc = concept samples predicted as"
                + " any concept class, for the pattern the stamp's effect: stamped non-target images predicted as the"
                + " target; under attack = after removal, PGD trying to elicit the concept; probe = linear probe"
                + " telling concept from other held-out samples on the representation after removal, chance in"
                + " brackets; relearn = concept accuracy after fine-tuning the head on 10 / 100 concept samples;"
                + " goal = concept ≤ 5, non-concept within 2 points, overhead ≤ 3, under attack ≤ 20, probe ≤ chance + 10;"
                + " methods: sae = SAE suppression,"
                + " ga = gradient ascent, mask = concept logits −∞, weights = weight editing with a retain term,"
                + " retrain = from scratch without the concept's samples):\n\n")
                .append("| concept | kind | method | concept acc | non-concept acc | under attack (orig → after) |"
                        + " probe (chance) | relearn k10 / k100 | overhead % | chosen | goal |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < r.rows().size(); i++) {
            ConceptRow row = r.rows().get(i);
            ConceptDetail d = r.details().get(i);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f → %.1f | %.1f → %.1f | %.1f → %.1f | %.1f (%.1f)"
                    + " | %.1f / %.1f | %.1f | %s | %s |%n", row.concept(), row.kind(), row.method(),
                    row.conceptAccBefore(), row.conceptAccAfter(), row.otherAccBefore(), row.otherAccAfter(),
                    d.report().conceptAccUnderAttackBefore(), row.conceptAccUnderAttack(), row.probeAccAfter(),
                    row.probeChance(), row.relearnAccK10(), row.relearnAccK100(), row.overheadRatio(), d.choice(),
                    goal(row)));
        }
        md.append('\n').append(goalSummary(r.rows())).append('\n');
        for (String concept : SWEEP_SHOWN) {
            List<SuppressionChoice> grid = r.sweep().get(concept);
            if (grid != null) {
                md.append("Calibration grid for `").append(concept).append("` (calibration half):\n\n")
                        .append("| setting | concept acc | non-concept acc |\n|---|---|---|\n");
                grid.forEach(c -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", c.label(),
                        c.conceptAcc(), c.otherAcc())));
                md.append('\n');
            }
        }
        return md.toString();
    }

    /**
     * @param row a row
     * @return {@code met}, or {@code missed:} and the parts of the goal the row misses: concept accuracy ≤ 5, at most 2
     *     points of non-concept accuracy lost, overhead ≤ 3%, concept accuracy under attack ≤ 20, probe accuracy at most
     *     10 points above chance
     */
    static String goal(ConceptRow row) {
        List<String> missed = new java.util.ArrayList<>();
        if (row.conceptAccAfter() > 5) { missed.add("concept"); }
        if (row.otherAccAfter() < row.otherAccBefore() - 2) { missed.add("collateral"); }
        if (row.overheadRatio() > 3) { missed.add("overhead"); }
        if (row.conceptAccUnderAttack() > 20) { missed.add("attack"); }
        if (row.probeAccAfter() > row.probeChance() + 10) { missed.add("probe"); }
        return missed.isEmpty() ? "met" : "missed: " + String.join(", ", missed);
    }

    /**
     * @return one line per method, in the order the rows name them: how many concepts met the goal, and for every
     *     method but the mask on how many concepts its probe and relearning accuracies (k = 10, 100) stay below the
     *     mask's (the mask leaves the representation as it was, so below it means the concept left the representation)
     */
    static String goalSummary(List<ConceptRow> rows) {
        StringBuilder sb = new StringBuilder();
        for (String method : rows.stream().map(ConceptRow::method).distinct().toList()) {
            List<ConceptRow> own = rows.stream().filter(x -> x.method().equals(method)).toList();
            long met = own.stream().filter(x -> goal(x).equals("met")).count();
            sb.append(String.format(Locale.ROOT, "- `%s`: goal met for %d of %d concepts", method, met, own.size()));
            sb.append(method.equals(MASK) ? "" : MaskComparison.of(own, rows).sentence()).append(".\n");
        }
        return sb.toString();
    }

    /**
     * @param r the result
     * @return a plain-text table of the rows
     */
    static String table(ConceptsResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %-7s %17s %17s %8s %13s %13s %8s%n",
                "concept", "method", "concept acc", "other acc", "attack", "probe/chance", "relearn10/100", "ovh %"));
        r.rows().forEach(x -> sb.append(String.format(Locale.ROOT,
                "%-16s %-7s %7.1f → %7.1f %7.1f → %7.1f %8.1f %6.1f/%6.1f %6.1f/%6.1f %8.1f%n", x.concept(), x.method(),
                x.conceptAccBefore(), x.conceptAccAfter(), x.otherAccBefore(), x.otherAccAfter(),
                x.conceptAccUnderAttack(), x.probeAccAfter(), x.probeChance(), x.relearnAccK10(), x.relearnAccK100(),
                x.overheadRatio())));
        return sb.toString();
    }

    private static String kv(Map<String, Object> m) {
        return String.join(", ", m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
