package io.unlearn.ml.sae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.sae.bench.ConceptDetail;
import io.unlearn.ml.sae.bench.ConceptRow;
import io.unlearn.ml.sae.bench.ConceptsArgs;
import io.unlearn.ml.sae.bench.ConceptsResult;
import io.unlearn.ml.sae.bench.ConceptsWriters;
import io.unlearn.ml.sae.bench.SaeSummary;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.SuppressionChoice;
import io.unlearn.ml.suppression.SuppressionReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptsWritersTest {

    private static ConceptsResult result() {
        SuppressionReport r = new SuppressionReport(95, 3, 90, 89, 99, 10, 50, 49, AttackSpec.pgd(0.03, 10), 0.3, 0.33,
                10);
        return new ConceptsResult(Map.of("cores", 2), Map.of("quick", true),
                List.of(new SaeSummary("TOPK", "penultimate", "a".repeat(64), 128, 1024,
                        new SaeQuality(0.05, 32, 0.01, 90, 89, 100), 9.5, false)),
                List.of(new ConceptRow("Sneaker", List.of("Sneaker"), "sae", 95, 3, 90, 89, 10, 10)),
                List.of(new ConceptDetail("Sneaker", "sae", "k=32 γ=-0.5 err", 2, 89, r, 1.5)),
                Map.of("Sneaker", List.of(new SuppressionChoice(32, -0.5, null, true, 2, 89))), true);
    }

    @Test
    void rowsCarryExactlyTheIssuesKeys(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c.json");
        ConceptsWriters.writeJson(result(), out);
        JsonNode row = new ObjectMapper().readTree(out.toFile()).get("rows").get(0);
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = row.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        assertEquals(new TreeSet<>(List.of("concept", "labels", "method", "concept_acc_before", "concept_acc_after",
                "other_acc_before", "other_acc_after", "concept_acc_under_attack", "overhead_ratio")), keys);
        assertEquals("sae", row.get("method").asText());
    }

    @Test
    void replacesOnlyItsOwnSection(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("B.md");
        Files.writeString(md, "# Benchmarks\n\n## Unlearning methods (issue 3)\n\nkeep me\n\n"
                + ConceptsWriters.SECTION + "\n\nold numbers\n\n## Worst case (issue 5)\n\nkeep me too\n");
        ConceptsWriters.writeMarkdownSection(result(), md);
        String text = Files.readString(md);
        assertTrue(text.contains("keep me\n") && text.contains("keep me too"), text);
        assertTrue(!text.contains("old numbers") && text.contains("| Sneaker | sae | 95.0 → 3.0"), text);
        assertEquals(1, text.split(java.util.regex.Pattern.quote(ConceptsWriters.SECTION), -1).length - 1);
        Path fresh = dir.resolve("new.md");
        ConceptsWriters.writeMarkdownSection(result(), fresh);
        assertTrue(Files.readString(fresh).startsWith("# Benchmarks\n\n" + ConceptsWriters.SECTION));
    }

    @Test
    void argumentsAreCheckedWithUsage() {
        List<String> errors = new ArrayList<>();
        for (String[] bad : List.of(new String[] {"--nope"}, new String[] {"--features", "x"},
                new String[] {"--sae", "dense"}, new String[] {"--expansion", "0"})) {
            try {
                ConceptsArgs.parse(bad);
            } catch (UnlearnException e) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(ConceptsArgs.parse(new String[] {"--quick", "--layer", "encoder.5"}).quick());
    }
}
