package io.unlearn.ml.unlearn;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.ml.unlearn.MemorisingFixture.Accuracies;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each approximate method on a parent that has memorised its forget set ({@link MemorisingFixture}: parent forget
 * accuracy 100%, Retrain's 0%). A method passes when its forget accuracy closes at least {@value #GAP_SHARE} of the
 * gap between the parent's and Retrain's while its retain accuracy stays within {@value #RETAIN_TOLERANCE} of the
 * parent's. The parent itself (a no-op) fails that by construction ({@link #aNoOpFailsTheCriterion()}).
 *
 * <p>Rates and loss weights are the methods' defaults. Only the run's length is sized to the fixture, whose 540
 * retain samples are a hundredth of the benchmark's: batch 16 (34 steps an epoch instead of 422), and 2–3 epochs for
 * the one-epoch methods ({@link #SIZED}). GA is the exception, see {@link #gaMovesTheForgetSetOnlyAsFarAsRetainAllows()}.
 */
class MemorisedForgetSetTest {

    /** Share of the parent-to-Retrain forget-accuracy gap a method must close. */
    static final double GAP_SHARE = 0.5;
    /** How far retain accuracy may fall below the parent's (100% here). */
    static final double RETAIN_TOLERANCE = 0.08;

    /** Per method, the overrides that size its run to the fixture; rates and weights stay at the defaults. */
    static final Map<String, Map<String, Number>> SIZED = Map.of(
            "ft", Map.of("batch_size", 16),
            "l1-sparse", Map.of("batch_size", 16),
            "rl", Map.of("batch_size", 16, "epochs", 3),
            "salun", Map.of("batch_size", 16, "epochs", 3),
            "neggrad+", Map.of("batch_size", 16, "epochs", 2),
            "scrub", Map.of("batch_size", 16, "epochs", 5, "max_epochs", 4),
            "eu-k", Map.of("batch_size", 64));

    private static MemorisingFixture fixture;

    @BeforeAll
    static void memorise() {
        fixture = MemorisingFixture.get();
    }

    @Test
    void theParentMemorisedWhatRetrainCannotKnow() {
        assertThat(fixture.parentAcc.forget()).as("parent forget accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(fixture.retrainAcc.forget()).as("Retrain forget accuracy").isLessThanOrEqualTo(0.15);
        assertThat(fixture.retrainAcc.retain()).as("Retrain retain accuracy").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aNoOpFailsTheCriterion() {
        assertThat(closes(fixture.parentAcc, GAP_SHARE)).as("the parent itself").isFalse();
        assertThat(closes(fixture.retrainAcc, GAP_SHARE)).as("Retrain").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ft", "rl", "neggrad+", "scrub", "l1-sparse", "salun", "eu-k"})
    void forgetsTheMemorisedSamplesAndKeepsTheRest(String method) {
        Accuracies a = after(method, SIZED.get(method));
        assertThat(a.forget()).as(method + " forget accuracy (parent %.3f, Retrain %.3f)", fixture.parentAcc.forget(),
                fixture.retrainAcc.forget()).isLessThanOrEqualTo(target(GAP_SHARE));
        assertThat(a.retain()).as(method + " retain accuracy (parent %.3f)", fixture.parentAcc.retain())
                .isGreaterThanOrEqualTo(fixture.parentAcc.retain() - RETAIN_TOLERANCE);
    }

    /**
     * GA has no retain term, and on memorised samples it cannot separate them from the rest: on this fixture no rate
     * closes half the gap while retain accuracy holds. The test pins both sides of that: at 5e-5 (20 steps, the
     * gentlest rate that moves it at all) it closes a fifth of the gap with retain intact — a no-op closes none; at
     * twice that rate it closes about half but retain accuracy falls well beyond the tolerance.
     */
    @Test
    void gaMovesTheForgetSetOnlyAsFarAsRetainAllows() {
        Accuracies gentle = after("ga", Map.of("batch_size", 16, "lr", 5e-5));
        assertThat(closes(gentle, 0.15)).as("ga at 5e-5: %s", gentle).isTrue();
        assertThat(closes(fixture.parentAcc, 0.15)).as("a no-op").isFalse();
        Accuracies harder = after("ga", Map.of("batch_size", 16, "lr", 1e-4));
        assertThat(harder.forget()).as("ga at 1e-4 forgets more").isLessThan(gentle.forget());
        assertThat(harder.retain()).as("ga at 1e-4 pays with retain accuracy")
                .isLessThan(fixture.parentAcc.retain() - RETAIN_TOLERANCE);
    }

    private static Accuracies after(String method, Map<String, Number> overrides) {
        try (UnlearningResult r = fixture.run(method, overrides)) {
            return fixture.accuracies(r.model());
        }
    }

    private static double target(double share) {
        return fixture.parentAcc.forget() - share * (fixture.parentAcc.forget() - fixture.retrainAcc.forget());
    }

    private static boolean closes(Accuracies a, double share) {
        return a.forget() <= target(share) && a.retain() >= fixture.parentAcc.retain() - RETAIN_TOLERANCE;
    }
}
