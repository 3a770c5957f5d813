package io.unlearn.bench.worstcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.MarkdownSections;
import io.unlearn.ml.UnlearnException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WorstCaseReportTest {

    @TempDir
    Path dir;

    private static WorstCaseResult result() {
        List<WorstCaseRow> rows = List.of(new WorstCaseRow("retrain", 0.01, "random", 9, 10, 99, 90, 0),
                new WorstCaseRow("retrain", 0.01, "worst", 0.5, 1, 99, 90, 0),
                new WorstCaseRow("retrain", 0.01, "gate-hardest", 2, 3, 99, 90, 0),
                new WorstCaseRow("ft", 0.01, "random", 8, 9, 98, 90, 0.75),
                new WorstCaseRow("ft", 0.01, "worst", 0.2, 3, 98, 90, 1.25),
                new WorstCaseRow("ft", 0.01, "gate-hardest", 0.1, 20, 98, 90, 4.5),
                new WorstCaseRow("ga", 0.01, "random", 1, 2, 99, 90, 3.5),
                new WorstCaseRow("ga", 0.01, "worst", 0.5, 1, 99, 90, 0.1),
                new WorstCaseRow("ga", 0.01, "gate-hardest", 0.1, 1, 99, 90, 1));
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("retrain_seconds_0.01", 100.0));
        return WorstCaseResult.of(Map.of("cores", 2), settings, rows,
                List.of(new SearchTiming(0.01, "cnn", 10_000, 250), new SearchTiming(0.01, "mlp", 10_000, 40)), true);
    }

    @Test
    void jsonHasExactlyTheSpecifiedKeys() throws Exception {
        Path out = dir.resolve("out/worstcase.json");
        BenchWriters.writeJson(result(), out);
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertThat(keys(root.get("rows").get(3))).containsExactly("method", "ratio", "set", "ua", "mia", "ra", "ta",
                "avg_gap");
        assertThat(root.get("rows").get(4).get("avg_gap").asDouble()).isEqualTo(1.25);
        assertThat(keys(root.get("searches").get(0))).containsExactly("ratio", "model", "pool_size", "seconds");
        JsonNode ft = root.get("findings").get(0);
        assertThat(keys(ft)).containsExactly("ratio", "method", "gaps", "largest_gap_set", "worst_widens_gap");
        assertThat(ft.get("method").asText()).isEqualTo("ft");
        assertThat(ft.get("gaps").get("gate-hardest").asDouble()).isEqualTo(4.5);
        assertThat(ft.get("largest_gap_set").asText()).isEqualTo("gate-hardest");
        assertThat(ft.get("worst_widens_gap").asBoolean()).isTrue();
        assertThat(root.get("findings").get(1).get("worst_widens_gap").asBoolean()).isFalse();
        assertThat(root.get("findings")).hasSize(2);
    }

    @Test
    void replacesOnlyItsOwnSectionAndChecksTheGoals() throws Exception {
        Path md = dir.resolve("BENCHMARKS.md");
        Files.writeString(md, "# Benchmarks\n\n## Methods\n\nkeep\n\n" + WorstCaseReport.REPORT.heading() + "\n\nold\n\n## SAE\n\nother\n");
        MarkdownSections.write(md, WorstCaseReport.REPORT.heading(), WorstCaseReport.REPORT.section(result()));
        String text = Files.readString(md);
        assertThat(text).contains("## Methods\n\nkeep").contains("## SAE\n\nother").doesNotContain("\nold\n")
                .contains("| method | Gap random | Gap worst | Gap gate-hardest | largest gap | worst > random |")
                .contains("| ft | 0.75 | 1.25 | 4.50 | gate-hardest | yes |")
                .contains("| ga | 3.50 | 0.10 | 1.00 | random | no |")
                .contains("for 1 of 2 methods. Largest gap by set: gate-hardest 1, random 1.")
                .contains("| ft | worst | 0.20 | 3.00 | 98.00 | 90.00 | 1.25 |")
                .contains("Order by Avg. Gap on gate-hardest (best first): ga < ft.")
                .contains("| 1% | cnn | 10,000 | 250.0 | ≤ 3× Retrain (100 s): 2.50×, met |")
                .contains("| 1% | mlp | 10,000 | 40.0 | ≤ 300 s on 10k: met |");
        assertThat(text.indexOf(WorstCaseReport.REPORT.heading())).isEqualTo(text.lastIndexOf(WorstCaseReport.REPORT.heading()));
        Path fresh = dir.resolve("new.md");
        MarkdownSections.write(fresh, WorstCaseReport.REPORT.heading(), WorstCaseReport.REPORT.section(result()));
        assertThat(Files.readString(fresh)).startsWith("# Benchmarks\n\n" + WorstCaseReport.REPORT.heading());
    }

    @Test
    void argumentsAreParsedAndCheckedAllAtOnce() {
        WorstCaseOptions o = CommandLine.populateCommand(new WorstCaseOptions(), "--quick", "--ratios", "0.01,0.05",
                "--pool", "3000", "--markdown", "none", "--out", "x.json").check();
        assertThat(o.quick()).isTrue();
        assertThat(o.ratios()).containsExactly(0.01, 0.05);
        assertThat(o.poolSize()).isEqualTo(3000);
        assertThat(o.output().markdown()).isNull();
        assertThat(o.outerSteps()).isEqualTo(5);
        assertThat(o.setMethod()).isEqualTo("rl");
        assertThat(CommandLine.populateCommand(new WorstCaseOptions()).outerSteps()).isEqualTo(10);
        assertThatThrownBy(() -> CommandLine.populateCommand(new WorstCaseOptions(), "--set-method", "nope", "--out",
                "x.json").check()).isInstanceOf(UnlearnException.class).hasMessageContaining("--set-method: unknown");
        assertThatThrownBy(() -> CommandLine.populateCommand(new WorstCaseOptions(), "--ratios", "0.7", "--methods",
                "magic").check())
                .isInstanceOf(UnlearnException.class).hasMessageContaining("(0, 0.5), was [0.7]")
                .hasMessageContaining("unknown unlearning method 'magic'");
        assertThatThrownBy(() -> CommandLine.populateCommand(new WorstCaseOptions(), "--bogus"))
                .isInstanceOf(CommandLine.UnmatchedArgumentException.class).hasMessageContaining("--bogus");
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
