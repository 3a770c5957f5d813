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
    static final List<String> SWEEP_SHOWN = List.of("Sneaker", "footwear", "Shirt");

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
                + " suppression):\n\n| kind | layer | d → h | FVU | mean L0 | dead | acc without | acc with SAE |"
                + " train s | reused |\n|---|---|---|---|---|---|---|---|---|---|\n");
        r.saes().forEach(s -> {
            SaeQuality q = s.quality();
            md.append(String.format(Locale.ROOT, "| %s | %s | %d → %d | %.3f | %.1f | %.1f%% | %.2f | %.2f | %.1f | %s |%n",
                    s.kind(), s.layer(), s.width(), s.latents(), q.fvu(), q.meanL0(), 100 * q.deadShare(),
                    q.accuracyWithout(), q.accuracyWithSae(), s.trainingSeconds(), s.reused()));
        });
        md.append("\nResults on the report half of the test set (percent; concept acc = concept samples predicted as"
                + " any concept class; under attack = after removal, PGD trying to elicit the true label;"
                + " goal = concept ≤ 5, non-concept within 2 points, overhead ≤ 15; methods: sae = SAE suppression,"
                + " ga = gradient ascent, mask = concept logits −∞, weights = weight editing with a retain term,"
                + " retrain = from scratch without the concept's samples):\n\n")
                .append("| concept | method | concept acc | non-concept acc | under attack (orig → after) |"
                        + " overhead % | chosen | goal |\n|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < r.rows().size(); i++) {
            ConceptRow row = r.rows().get(i);
            ConceptDetail d = r.details().get(i);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f → %.1f | %.1f → %.1f | %.1f → %.1f | %.1f | %s | %s |%n",
                    row.concept(), row.method(), row.conceptAccBefore(), row.conceptAccAfter(), row.otherAccBefore(),
                    row.otherAccAfter(), d.report().conceptAccUnderAttackBefore(), row.conceptAccUnderAttack(),
                    row.overheadRatio(), d.choice(), goal(row)));
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

    static String goal(ConceptRow row) {
        boolean met = row.conceptAccAfter() <= 5 && row.otherAccAfter() >= row.otherAccBefore() - 2
                && row.overheadRatio() <= 15;
        return met ? "met" : "missed";
    }

    /** @return one line per method, in the order the rows name them: how many concepts met the goal */
    static String goalSummary(List<ConceptRow> rows) {
        StringBuilder sb = new StringBuilder();
        for (String method : rows.stream().map(ConceptRow::method).distinct().toList()) {
            long met = rows.stream().filter(x -> x.method().equals(method) && goal(x).equals("met")).count();
            long all = rows.stream().filter(x -> x.method().equals(method)).count();
            sb.append(String.format(Locale.ROOT, "- `%s`: goal met for %d of %d concepts.%n", method, met, all));
        }
        return sb.toString();
    }

    /**
     * @param r the result
     * @return a plain-text table of the rows
     */
    static String table(ConceptsResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %-7s %17s %17s %8s %8s%n", "concept",
                "method", "concept acc", "other acc", "attack", "ovh %"));
        r.rows().forEach(x -> sb.append(String.format(Locale.ROOT, "%-16s %-7s %7.1f → %7.1f %7.1f → %7.1f %8.1f %8.1f%n",
                x.concept(), x.method(), x.conceptAccBefore(), x.conceptAccAfter(), x.otherAccBefore(),
                x.otherAccAfter(), x.conceptAccUnderAttack(), x.overheadRatio())));
        return sb.toString();
    }

    private static String kv(Map<String, Object> m) {
        return String.join(", ", m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
