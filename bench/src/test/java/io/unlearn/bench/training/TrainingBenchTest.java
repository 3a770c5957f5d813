package io.unlearn.bench.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unlearn.ml.UnlearnException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options, report and the PyTorch script's argument checks (which run before torch is imported: no torch needed). */
class TrainingBenchTest {

    private static TrainingOptions parse(String... args) {
        TrainingOptions o = new TrainingOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void quickAndFullRunsHaveTheirOwnDefaults() {
        TrainingOptions full = parse().check();
        assertThat(full.models()).containsExactly("mlp", "cnn");
        assertThat(full.samples()).isEqualTo(60_000);
        TrainingOptions quick = parse("--quick").check();
        assertThat(quick.samples()).isEqualTo(10_000);
        assertThat(quick.rounds()).isEqualTo(1);
    }

    @Test
    void listsEveryBadValueAtOnce() {
        assertThatThrownBy(() -> parse("--models", "mlp,rnn", "--epochs", "1", "--rounds", "0").check())
                .isInstanceOf(UnlearnException.class).hasMessageContaining("mlp and/or cnn")
                .hasMessageContaining("epochs must be at least 2").hasMessageContaining("rounds must be at least 1");
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(TrainingRow.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(TrainingRow.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }

    @Test
    void reportShowsTheRatioAgainstTheGoalOrSaysWhyThereIsNone() {
        TrainingRow djl = new TrainingRow("mlp", "djl", 50_000, 200_000, List.of(50_000.0), List.of(200_000.0));
        TrainingRow torch = new TrainingRow("mlp", "torch", 40_000, 250_000, List.of(40_000.0), List.of(250_000.0));
        String md = TrainingReport.REPORT.section(new TrainingResult(Map.of(), Map.of(), List.of(djl, torch),
                Map.of("mlp", 1.25), Map.of("mlp", 0.8), null, true));
        assertThat(md).startsWith("## Training throughput").contains("| mlp | djl | 50,000 | 200,000 | 1.25× (met) | 0.80× (missed) |");
        String alone = TrainingReport.table(new TrainingResult(Map.of(), Map.of(), List.of(djl), null, null,
                "no PyTorch rows: python3 cannot import torch", true));
        assertThat(alone).contains("| – |").contains("no PyTorch rows");
    }

    @Test
    void referenceScriptRejectsBadArgumentsBeforeImportingTorch() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(TorchReference.PYTHON)), "needs " + TorchReference.PYTHON);
        Path script = TorchReference.extract().script();
        Process p = new ProcessBuilder(TorchReference.PYTHON, script.toString(), "--model", "mlp", "--epochs", "0",
                "--batch", "-1", "--data", "/nonexistent").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).contains("--epochs must be at least 1").contains("--batch must be at least 1")
                .contains("/nonexistent is not a directory").doesNotContain("Traceback");
        Process bad = new ProcessBuilder(TorchReference.PYTHON, script.toString(), "--model", "rnn")
                .redirectErrorStream(true).start();
        assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("invalid choice");
        assertThat(bad.waitFor()).isEqualTo(2);
    }
}
