package io.unlearn.bench.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.bench.harness.BenchWriters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateSummaryTest {

    @TempDir
    Path dir;

    private static GateRow row(String base, String candidate, double gap, String verdict) {
        return new GateRow("random", base, 1, candidate, gap, gap <= GateSummary.ADEQUATE_GAP, verdict, 1, -2, 4, 0.5,
                30, 29, verdict.equals(GateRow.INCONCLUSIVE) ? 900L : null, 10, 99, 90, 12);
    }

    private static List<GateRow> rows() {
        return List.of(
                row("memorising", "retrain", 0, GateRow.CERTIFIED),          // agree
                row("memorising", "noop", 9, GateRow.CERTIFIED),             // false certify, noop certified
                row("memorising", "ga-1e-6", 9, GateRow.REJECTED),           // agree
                row("memorising", "ft", 1.0, GateRow.REJECTED),              // disagree (adequate, rejected)
                row("weak", "noop", 1.0, GateRow.CERTIFIED),                 // agree; weak base: not counted as noop
                row("weak", "retrain", 0, GateRow.REJECTED),                 // false reject
                row("weak", "ga", 3, GateRow.INCONCLUSIVE),
                row("weak", "rl", 0.5, GateRow.INCONCLUSIVE));
    }

    @Test
    void countsEachFigureOnHandMadeRows() {
        GateSummary s = GateSummary.of(rows());
        assertThat(s.falseCertify()).isEqualTo(1);
        assertThat(s.falseReject()).isEqualTo(1);
        assertThat(s.noopCertified()).isEqualTo(1);
        assertThat(s.rows()).isEqualTo(8);
        assertThat(s.decided()).isEqualTo(6);
        assertThat(s.inconclusiveShare()).isEqualTo(2 / 8.0);
        // decided: retrain✓, noop✗, ga-1e-6✓, ft✗, weak noop✓, weak retrain✗ (gap 0 adequate, rejected) → 3 of 6
        assertThat(s.agreement()).isEqualTo(3 / 6.0);
        assertThat(s.missedGoals()).hasSize(4);
    }

    @Test
    void meetsTheGoalWhenVerdictsFollowTheGap() {
        GateSummary s = GateSummary.of(List.of(row("memorising", "retrain", 0, GateRow.CERTIFIED),
                row("memorising", "noop", 9, GateRow.REJECTED), row("memorising", "ft", 0.4, GateRow.CERTIFIED),
                row("weak", "ga-1e-6", 0.2, GateRow.CERTIFIED), row("weak", "rl", 5, GateRow.REJECTED)));
        assertThat(s.falseCertify()).isZero();
        assertThat(s.noopCertified()).isZero();
        assertThat(s.agreement()).isEqualTo(1.0);
        assertThat(s.inconclusiveShare()).isZero();
        assertThat(s.missedGoals()).isEmpty();
    }

    @Test
    void undecidedRunsMissTheAgreementGoal() {
        GateSummary s = GateSummary.of(List.of(row("weak", "retrain", 0, GateRow.INCONCLUSIVE)));
        assertThat(s.agreement()).isNaN();
        assertThat(s.missedGoals()).anyMatch(m -> m.startsWith("agreement")).anyMatch(m -> m.startsWith("inconclusive_share"));
    }

    @Test
    void jsonHasTheSpecifiedKeysAndTheMarkdownNamesTheMisses() throws Exception {
        GateResult result = GateResult.of(Map.of("cores", 2), Map.of("command", "./unlearn bench gate --quick"), rows(), true);
        Path out = dir.resolve("gate.json");
        BenchWriters.writeJson(result, out);
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        List<String> keys = new ArrayList<>();
        root.get("rows").get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("setting", "base", "seed", "candidate", "avg_gap_vs_retrain", "adequate", "verdict",
                "advantage", "ci_low", "ci_high", "svm_advantage", "parent_advantage", "signal_drop", "samples_needed", "ua", "ra", "ta", "mia");
        keys.clear();
        root.get("summary").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("false_certify", "false_reject", "inconclusive_share", "agreement", "noop_certified");
        assertThat(BenchWriters.readJson(out, GateResult.class).summary()).isEqualTo(result.summary());
        String md = GateReport.REPORT.section(result);
        assertThat(md).startsWith("## Forgetting gate\n").contains("### `random` on the `memorising` base")
                .contains("| noop | 1 | 9.00 | no | CERTIFIED |").contains("noop_certified = 1 (goal 0)")
                .contains("false_reject = 1 (goal 0)");
    }
}
