package io.unlearn.bench.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.OutputOptions;
import io.unlearn.ml.UnlearnException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MethodsReportTest {

    @TempDir
    Path dir;

    private static MethodsResult result() {
        List<MethodsRow> rows = List.of(
                new MethodsRow("original", "random", 1, 1, 2, 99, 90, 0, 1.5, null, Map.of("epochs", 20)),
                new MethodsRow("retrain", "random", 1, 9, 10, 99, 90, 100, 0, 1.0, Map.of("epochs", 20)),
                new MethodsRow("ft", "random", 1, 8, 9, 98, 90, 5, 0.75, 20.0, Map.of("lr", 0.003)));
        return new MethodsResult(Map.of("cores", 2), Map.of("seeds", 1), List.of(new Throughput("cnn", 1e4, 2, 90)),
                rows, true);
    }

    @Test
    void jsonHasTheSpecifiedKeys() throws Exception {
        Path out = dir.resolve("out/methods.json");
        BenchWriters.writeJson(result(), out);
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("machine", "settings", "throughput", "rows", "complete");
        JsonNode row = root.get("rows").get(2);
        keys.clear();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("method", "setting", "seed", "ua", "mia", "ra", "ta", "rte_seconds",
                "avg_gap", "speedup_vs_retrain", "hyperparameters");
        assertThat(row.get("speedup_vs_retrain").asDouble()).isEqualTo(20.0);
        assertThat(row.get("hyperparameters").get("lr").asDouble()).isEqualTo(0.003);
        assertThat(root.get("throughput").get(0).has("samples_per_second")).isTrue();
        MethodsResult back = BenchWriters.readJson(out, MethodsResult.class);
        assertThat(back.rows()).hasSize(3);
        assertThat(back.rows().get(2).avgGap()).isEqualTo(0.75);
        assertThat(MethodsReport.REPORT.section(back)).isEqualTo(MethodsReport.REPORT.section(result()));
    }

    @Test
    void replacesOnlyItsOwnSection() throws Exception {
        Path md = dir.resolve("BENCHMARKS.md");
        Files.writeString(md, "# Benchmarks\n\n## Kafka throughput\n\nfast\n\n" + MethodsReport.REPORT.heading()
                + "\n\nold numbers\n\n## SAE\n\nother\n");
        OutputOptions output = CommandLine.populateCommand(new OutputOptions("methods"), "--out",
                dir.resolve("m.json").toString(), "--markdown", md.toString());
        BenchWriters.write(result(), MethodsReport.REPORT, output);
        String text = Files.readString(md);
        assertThat(text).contains("## Kafka throughput\n\nfast").contains("## SAE\n\nother").doesNotContain("old numbers")
                .contains("| ft | 8.00 ± 0.00 | 9.00 ± 0.00 | 98.00 ± 0.00 | 90.00 ± 0.00 | 5.00 ± 0.00 | 0.75 ± 0.00 | 20.0×");
        assertThat(text.indexOf(MethodsReport.REPORT.heading())).isEqualTo(text.lastIndexOf(MethodsReport.REPORT.heading()));
        assertThat(Files.exists(dir.resolve("m.json"))).isTrue();
    }

    @Test
    void optionsKeepTheirNamesDefaultsAndChecks() {
        MethodsOptions quick = CommandLine.populateCommand(new MethodsOptions(), "--quick", "--seeds", "1",
                "--methods", "ft,retrain", "--set", "ft.lr=0.005", "--sweep", "ft.epochs=1,2", "--markdown", "none",
                "--cache", "none", "--out", "x.json").check();
        assertThat(quick.quick()).isTrue();
        assertThat(quick.baseEpochs()).isEqualTo(8);
        assertThat(quick.methods()).containsExactly("ft");
        assertThat(quick.output().markdown()).isNull();
        assertThat(quick.engine().cache()).isNull();
        assertThat(quick.variants("ft")).hasSize(2).allSatisfy(v -> assertThat(v).containsEntry("lr", 0.005));
        MethodsOptions defaults = CommandLine.populateCommand(new MethodsOptions());
        assertThat(defaults.seeds()).isEqualTo(3);
        assertThat(defaults.baseEpochs()).isEqualTo(25);
        assertThat(defaults.output().out()).isEqualTo(Path.of("bench-out/methods.json"));
        assertThat(defaults.output().markdown()).isEqualTo(Path.of("docs/BENCHMARKS.md"));
        assertThat(defaults.engine().cache()).isEqualTo(Path.of("bench-out/checkpoints"));
        assertThatThrownBy(() -> CommandLine.populateCommand(new MethodsOptions(), "--seeds", "0", "--methods", "magic",
                "--set", "lr=1").check()).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("seeds must be at least 1").hasMessageContaining("'magic'")
                .hasMessageContaining("--set needs method.key=value");
    }

    @Test
    void theRecordedCommandRepeatsEveryOptionThatShapesTheRowsAndNoFilePaths() {
        MethodsOptions swept = CommandLine.populateCommand(new MethodsOptions(), "--seeds", "3", "--out", "b/m.json",
                "--cache", "b/c", "--sweep", "eu-k.epochs=20,30", "--sweep", "rl.epochs=1,2", "--set", "ft.lr=0.005");
        assertThat(swept.commandLine()).isEqualTo(
                "./unlearn bench methods --seeds 3 --set ft.lr=0.005 --sweep eu-k.epochs=20,30 --sweep rl.epochs=1,2");
        MethodsOptions quick = CommandLine.populateCommand(new MethodsOptions(), "--quick", "--seeds", "1",
                "--methods", "ft,ga", "--epochs", "4");
        assertThat(quick.commandLine()).isEqualTo("./unlearn bench methods --quick --seeds 1 --methods ft,ga --epochs 4");
        assertThat(CommandLine.populateCommand(new MethodsOptions()).commandLine()).isEqualTo("./unlearn bench methods --seeds 3");
    }
}
