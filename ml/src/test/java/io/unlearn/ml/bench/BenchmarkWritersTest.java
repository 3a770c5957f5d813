package io.unlearn.ml.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkWritersTest {

    @TempDir
    Path dir;

    private static BenchmarkResult result() {
        List<BenchmarkRow> rows = List.of(
                new BenchmarkRow("original", "random", 1, 1, 2, 99, 90, 0, 1.5, null, Map.of("epochs", 20)),
                new BenchmarkRow("retrain", "random", 1, 9, 10, 99, 90, 100, 0, 1.0, Map.of("epochs", 20)),
                new BenchmarkRow("ft", "random", 1, 8, 9, 98, 90, 5, 0.75, 20.0, Map.of("lr", 0.003)));
        return new BenchmarkResult(Map.of("cores", 2), Map.of("seeds", 1), List.of(new Throughput("cnn", 1e4, 2, 90)),
                rows, true);
    }

    @Test
    void jsonHasTheSpecifiedKeys() throws Exception {
        Path out = dir.resolve("out/methods.json");
        BenchmarkWriters.writeJson(result(), out);
        JsonNode row = new ObjectMapper().readTree(out.toFile()).get("rows").get(2);
        List<String> keys = new java.util.ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("method", "setting", "seed", "ua", "mia", "ra", "ta", "rte_seconds",
                "avg_gap", "speedup_vs_retrain", "hyperparameters");
        assertThat(row.get("speedup_vs_retrain").asDouble()).isEqualTo(20.0);
        assertThat(row.get("hyperparameters").get("lr").asDouble()).isEqualTo(0.003);
        BenchmarkResult back = BenchmarkWriters.readJson(out);
        assertThat(back.rows()).hasSize(3);
        assertThat(back.rows().get(2).avgGap()).isEqualTo(0.75);
        assertThat(BenchmarkWriters.markdown(back)).isEqualTo(BenchmarkWriters.markdown(result()));
    }

    @Test
    void replacesOnlyItsOwnSection() throws Exception {
        Path md = dir.resolve("BENCHMARKS.md");
        Files.writeString(md, "# Benchmarks\n\n## Kafka throughput\n\nfast\n\n" + BenchmarkWriters.SECTION
                + "\n\nold numbers\n\n## SAE\n\nother\n");
        BenchmarkWriters.writeMarkdownSection(result(), md);
        String text = Files.readString(md);
        assertThat(text).contains("## Kafka throughput\n\nfast").contains("## SAE\n\nother").doesNotContain("old numbers")
                .contains("| ft | 8.00 ± 0.00 | 9.00 ± 0.00 | 98.00 ± 0.00 | 90.00 ± 0.00 | 5.00 ± 0.00 | 0.75 ± 0.00 | 20.0×");
        assertThat(text.indexOf(BenchmarkWriters.SECTION)).isEqualTo(text.lastIndexOf(BenchmarkWriters.SECTION));
        Path fresh = dir.resolve("new.md");
        BenchmarkWriters.writeMarkdownSection(result(), fresh);
        assertThat(Files.readString(fresh)).startsWith("# Benchmarks\n\n" + BenchmarkWriters.SECTION);
    }
}
