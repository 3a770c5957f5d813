package io.unlearn.bench.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.worstcase.ForgetSetKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The challenge benchmark's options (defaults, quick mode, every problem at once) and its Markdown section. */
class ChallengeReportTest {

    private static ChallengeOptions parse(String... args) {
        ChallengeOptions o = new ChallengeOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void defaultsAreTheDemosModelAndTheEvaluatorsSetKindQuickIsSmaller() {
        ChallengeOptions full = parse("--out", "x.json");
        assertThat(full.methods()).containsExactly("ft", "ga", "neggrad+", "rl", "l1-sparse", "salun", "scrub", "eu-k", "retrain");
        assertThat(full.epochs()).isEqualTo(45);
        assertThat(full.trainLimit()).isEqualTo(10_000);
        assertThat(full.sets()).as("the evaluator's default").containsExactly(ForgetSetKind.RANDOM);
        ChallengeOptions quick = parse("--quick", "--out", "x.json", "--sets", "lowest-loss,random");
        assertThat(quick.methods()).containsExactly("ga", "rl", "eu-k", "retrain");
        assertThat(quick.epochs()).isEqualTo(15);
        assertThat(quick.sets()).containsExactly(ForgetSetKind.LOWEST_LOSS, ForgetSetKind.RANDOM);
    }

    @Test
    void badOptionsAreListedTogether() {
        assertThatThrownBy(() -> parse("--out", "x.json", "--methods", "ft,nope", "--sets", "hardest", "--forget", "6000").check())
                .hasMessageContaining("nope").hasMessageContaining("unknown forget-set kind 'hardest'")
                .hasMessageContaining("--forget must be at least 1 and at most half of --train-limit");
    }

    @Test
    void theSectionShowsBothGapsTheVerdictsAndTheTimeGoal() {
        ChallengeRow ga = new ChallengeRow("ga", "worst", 0.06, 2.78, "CHALLENGE_PASSED", "CHALLENGE_FAILED", 1.3, -0.2, 2.7, 18.0,
                "REJECTED", 0.0, 0.0, List.of("within"), 3.1, 0.5, 72.4, 82.5);
        ChallengeRow rl = new ChallengeRow("rl", "worst", 0.65, 2.24, "CHALLENGE_FAILED", "CHALLENGE_PASSED", -14.2, -18.3, -10.1, 1.0,
                "REJECTED", 0.0, 0.0, List.of("over-forgets"), 2.5, 2.6, 72.4, 312.0);
        String md = ChallengeReport.markdown(new ChallengeResult(Map.of("cpu", "2 cores"), Map.of("seed", 1), List.of(ga, rl), false));
        assertThat(md).startsWith("**Partial results").contains("| ga | worst | 0.06 | 2.78 | passed | failed | 1.3 [-0.2, 2.7] | REJECTED |")
                .contains("widens the gap to Retrain over the random set for 0 of 2").contains("failed: rl (worst)")
                .contains("Slowest challenge 312 s: goal ≤ 300 s missed");
    }
}
