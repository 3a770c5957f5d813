package io.unlearn.bench.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.MarkdownSections;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeQuality;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.ConceptAttackReport;
import io.unlearn.ml.suppression.ProbeResult;
import io.unlearn.ml.suppression.RelearningResult;
import io.unlearn.ml.suppression.SuppressionChoice;
import io.unlearn.ml.suppression.SuppressionReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConceptsReportTest {

    private static ConceptsResult result() {
        SuppressionReport r = new SuppressionReport(95, 3, 90, 89, 99, 10, 50, 49, AttackSpec.pgd(0.03, 10), 0.3, 0.33,
                10);
        return new ConceptsResult(Map.of("cores", 2), Map.of("quick", true),
                List.of(new SaeSummary("TOPK", "penultimate", "a".repeat(64), 128, 1024,
                        new SaeQuality(0.05, 32, 0.01, 90, 89, 100), 9.5, false, "fmnist")),
                List.of(new ConceptRow("Sneaker", List.of("Sneaker"), "labels", "sae", 95, 3, 90, 89, 10, 2, 60, 50,
                                20, 40),
                        new ConceptRow("Sneaker", List.of("Sneaker"), "labels", "mask", 95, 0, 90, 90, 0, 1, 99, 50, 90,
                                95),
                        new ConceptRow("Sneaker", List.of("Sneaker"), "labels", "retrain", 95, 0, 90, 91, 0, 0, 70, 50,
                                95, 99)),
                List.of(detail("sae", "k=32 γ=-0.5 err", 2, 89, r, 1.5),
                        detail("mask", "logits of 1 class = −∞", 0, 90, r, 0.1),
                        detail("retrain", "8 epochs on 9000 samples", 0, 91, r, 60)),
                Map.of("Sneaker", List.of(new SuppressionChoice(32, -0.5, null, true, 2, 89))), true);
    }

    private static ConceptDetail detail(String method, String choice, double conceptAcc, double otherAcc,
            SuppressionReport r, double seconds) {
        ProbeResult probe = new ProbeResult("penultimate", 60, 50, 100, 100);
        RelearningResult k10 = new RelearningResult(10, 10, 10, 100, 900, 3, 20, 89, 85);
        RelearningResult k100 = new RelearningResult(100, 100, 100, 100, 900, 3, 40, 89, 87);
        return new ConceptDetail("Sneaker", method, choice, conceptAcc, otherAcc, r, seconds,
                new ConceptAttackReport(probe, null, k10, k100), 85, 87, null, null, 2);
    }

    @Test
    void rowsCarryExactlyTheirKeys(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c.json");
        BenchWriters.writeJson(result(), out);
        JsonNode row = new ObjectMapper().readTree(out.toFile()).get("rows").get(0);
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = row.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        assertEquals(new TreeSet<>(List.of("concept", "labels", "kind", "method", "concept_acc_before", "concept_acc_after",
                "other_acc_before", "other_acc_after", "concept_acc_under_attack", "overhead_ratio", "probe_acc_after",
                "probe_chance", "relearn_acc_k10", "relearn_acc_k100")), keys);
        assertEquals(60, row.get("probe_acc_after").asDouble());
        JsonNode detail = new ObjectMapper().readTree(out.toFile()).get("details").get(0);
        assertEquals(85, detail.get("relearn_other_acc_k10").asDouble());
        assertEquals(87, detail.get("relearn_other_acc_k100").asDouble());
        assertEquals("sae", row.get("method").asText());
        assertEquals("labels", row.get("kind").asText());
    }

    @Test
    void everyMethodGetsItsRowAndItsGoalLine() {
        String md = ConceptsReport.markdown(result());
        assertTrue(md.contains("| Sneaker | labels | mask | 95.0 → 0.0 | 90.0 → 90.0 | 99.0 → 0.0 | 99.0 (50.0)"
                + " | 90.0 / 95.0 | 1.0 | logits of 1 class"), md);
        assertTrue(md.contains("| 1.0 | logits of 1 class = −∞ | missed: probe |"), md);
        assertTrue(md.contains("- `sae`: goal met for 1 of 1 concepts; beats the mask (lower accuracy) on probe for 1,"
                + " relearn k10 for 1, relearn k100 for 1 of 1 concepts.\n- `mask`: goal met for 0 of 1 concepts.\n"
                + "- `retrain`: goal met for 0 of 1 concepts; beats the mask (lower accuracy) on probe for 1,"
                + " relearn k10 for 0, relearn k100 for 0 of 1 concepts."), md);
        ConceptsResult r = result();
        List<ConceptRow> missed = List.of(new ConceptRow("Bag", List.of("Bag"), "labels", "weights", 95, 30, 90, 80,
                10, 0, 55, 50, 80, 90), new ConceptRow("Coat", List.of("Coat"), "labels", "weights", 95, 4, 90, 88.5, 10,
                0, 55, 50, 80, 90));
        assertEquals("- `weights`: goal met for 1 of 2 concepts; no mask row to compare with.\n",
                ConceptsReport.goalSummary(missed));
        assertTrue(ConceptsReport.table(r).contains("retrain"), ConceptsReport.table(r));
    }

    @Test
    void replacesOnlyItsOwnSection(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("B.md");
        Files.writeString(md, "# Benchmarks\n\n## Unlearning methods\n\nkeep me\n\n"
                + ConceptsReport.REPORT.heading() + "\n\nold numbers\n\n## Worst-case forget sets\n\nkeep me too\n");
        MarkdownSections.write(md, ConceptsReport.REPORT.heading(), ConceptsReport.REPORT.section(result()));
        String text = Files.readString(md);
        assertTrue(text.contains("keep me\n") && text.contains("keep me too"), text);
        assertTrue(!text.contains("old numbers") && text.contains("| Sneaker | labels | sae | 95.0 → 3.0"), text);
        assertEquals(1, text.split(java.util.regex.Pattern.quote(ConceptsReport.REPORT.heading()), -1).length - 1);
        Path fresh = dir.resolve("new.md");
        MarkdownSections.write(fresh, ConceptsReport.REPORT.heading(), ConceptsReport.REPORT.section(result()));
        assertTrue(Files.readString(fresh).startsWith("# Benchmarks\n\n" + ConceptsReport.REPORT.heading()));
    }

    @Test
    void optionsAreParsedByPicocliAndCheckedAllAtOnce() {
        for (String[] bad : List.of(new String[] {"--nope"}, new String[] {"--features", "x"},
                new String[] {"--sae", "dense"})) {
            assertThrows(CommandLine.ParameterException.class,
                    () -> CommandLine.populateCommand(new ConceptsOptions(), bad), String.join(" ", bad));
        }
        UnlearnException e = assertThrows(UnlearnException.class, () -> CommandLine.populateCommand(
                new ConceptsOptions(), "--expansion", "0", "--scales", "", "--clamps", "").check());
        assertTrue(e.getMessage().contains("expansion must be at least 1")
                && e.getMessage().contains("at least one scale or clamp"), e.getMessage());
        ConceptsOptions quick = CommandLine.populateCommand(new ConceptsOptions(), "--quick", "--layer", "encoder.5",
                "--sae", "relu_l1", "--clamps", "", "--sae-store", "none").check();
        assertTrue(quick.quick() && quick.clamps().isEmpty() && quick.saeStore() == null);
        assertEquals(SaeKind.RELU_L1, quick.saeKind());
        assertEquals(5, quick.saeEpochs());
        assertEquals(8, quick.baseEpochs());
        assertEquals(List.of(1e-5, 3e-5, 1e-4), quick.gaLearningRates());
        assertEquals(List.of("rl", "neggrad+"), quick.weights().methods());
        assertEquals(List.of(1e-3, 1e-2), quick.weightsLearningRates());
        assertEquals(100, quick.attackSamples());
        UnlearnException weights = assertThrows(UnlearnException.class, () -> CommandLine.populateCommand(
                new ConceptsOptions(), "--weights-methods", "rl,nope,retrain", "--weights-lrs", "0").check());
        assertTrue(weights.getMessage().contains("unknown unlearning method 'nope'")
                && weights.getMessage().contains("retrain has its own rows")
                && weights.getMessage().contains("learning rates must be positive"), weights.getMessage());
        ConceptsOptions full = CommandLine.populateCommand(new ConceptsOptions());
        assertEquals(20, full.saeEpochs());
        assertEquals(List.of(8, 32, 128), full.features());
        assertEquals(21, full.timingRepeats());
        List<ConceptCase> all = ConceptCase.fashionMnist(io.unlearn.ml.data.FashionMnist.CLASSES);
        assertEquals(all, full.chosen(all));
        ConceptsOptions one = CommandLine.populateCommand(new ConceptsOptions(), "--concepts", "footwear+tops");
        assertEquals(List.of("footwear+tops"), one.chosen(all).stream().map(ConceptCase::name).toList());
        UnlearnException unknown = assertThrows(UnlearnException.class, () -> CommandLine.populateCommand(
                new ConceptsOptions(), "--concepts", "Sneaker,nope").chosen(all));
        assertTrue(unknown.getMessage().contains("[nope]") && unknown.getMessage().contains("corner-stamp"),
                unknown.getMessage());
        assertFalse(full.dropErrorTerm());
        assertEquals(List.of(1e-4, 1e-3, 1e-2), full.weightsLearningRates());
        assertEquals(500, full.attackSamples());
        assertEquals(Path.of("bench-out/concepts.json"), full.output().out());
    }
}
