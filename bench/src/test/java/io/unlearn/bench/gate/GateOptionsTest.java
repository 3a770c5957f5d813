package io.unlearn.bench.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.UnlearnException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GateOptionsTest {

    private static GateOptions parse(String... args) {
        GateOptions o = new GateOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void quickAndFullRunsHaveTheirOwnDefaults() {
        GateOptions full = parse().check();
        assertThat(full.seeds()).isEqualTo(GateOptions.DEFAULT_SEEDS);
        assertThat(full.bases()).containsExactly(new GateBases.Base(GateBases.MEMORISING, EngineOptions.DEFAULT_BASE_EPOCHS),
                new GateBases.Base(GateBases.WEAK, GateBases.WEAK_EPOCHS));
        assertThat(full.candidates()).startsWith(GateCandidates.RETRAIN, GateCandidates.NOOP, GateCandidates.GA_TINY)
                .contains("ga", "scrub").doesNotHaveDuplicates();
        GateOptions quick = parse("--quick").check();
        assertThat(quick.seeds()).isEqualTo(GateOptions.QUICK_SEEDS);
        assertThat(quick.bases().get(0).epochs()).isEqualTo(EngineOptions.QUICK_BASE_EPOCHS);
        assertThat(parse("--train-limit", "10000", "--seeds", "2").check().trainLimit()).isEqualTo(10000);
    }

    @Test
    void listsEveryBadValueAtOnce() {
        assertThatThrownBy(() -> parse("--quick", "--train-limit", "10000", "--settings", "random,nope", "--seeds", "0").check())
                .isInstanceOf(UnlearnException.class)
                .hasMessageContaining("--train-limit is for full runs")
                .hasMessageContaining("unknown setting 'nope'")
                .hasMessageContaining("seeds must be at least 1");
    }

    @Test
    void gaAtItsDefaultsIsItsOwnRunNowThatTheyAreNotOneInAMillion() {
        // GA's default lr is 3e-6 (it was 1e-6, when ga at its defaults was the ga-1e-6 run and ran once)
        assertThat(io.unlearn.ml.unlearn.UnlearningMethods.byName("ga").defaults().get("lr")).isEqualTo(3e-6);
        assertThat(GateCandidates.sameRunAs("ga")).isNull();
        assertThat(GateCandidates.sameRunAs("ft")).isNull();
    }
}
