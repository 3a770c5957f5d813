package io.unlearn.evaluator;

import static io.unlearn.evaluator.MetricKeys.CONCEPT_ACC;
import static io.unlearn.evaluator.MetricKeys.CONCEPT_ACC_ATTACK;
import static io.unlearn.evaluator.MetricKeys.NONCONCEPT_DROP;
import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.Verdict;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link EvaluationPolicy#judgeSuppression} at its thresholds (defaults: concept ≤ 10 %, under attack ≤ 50 %, drop ≤ 5 points). */
class SuppressionPolicyTest {
    private static final EvaluationPolicy DEFAULTS = EvaluationPolicy.ofDefaults();

    /** A suppression that meets every default threshold exactly. */
    private static Map<String, Double> atTheLimits() {
        Map<String, Double> m = new HashMap<>();
        m.put(CONCEPT_ACC, 10.0);
        m.put(CONCEPT_ACC_ATTACK, 50.0);
        m.put(NONCONCEPT_DROP, 5.0);
        return m;
    }

    @Test
    void aSuppressionExactlyAtEveryThresholdIsCertified() {
        Judgement j = DEFAULTS.judgeSuppression("m", atTheLimits());
        assertThat(j.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(j.failing()).isEmpty();
        assertThat(j.thresholds()).containsEntry("max.concept.accuracy", 10.0).containsEntry("max.concept.accuracy.under.attack", 50.0)
                .containsEntry("max.nonconcept.drop", 5.0);
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @CsvSource({
        "concept.accuracy, 10.01, concept.accuracy 10.01 > 10.00 (the concept is still recognised)",
        "concept.accuracy.under.attack, 50.01, concept.accuracy.under.attack 50.01 > 50.00 (an attack brings the concept back)",
        "nonconcept.drop, 5.01, nonconcept.drop 5.01 > 5.00 (points of accuracy lost outside the concept)"})
    void aSuppressionJustBeyondOneThresholdIsRejectedNamingIt(String metric, double value, String reason) {
        Map<String, Double> m = atTheLimits();
        m.put(metric, value);
        Judgement j = DEFAULTS.judgeSuppression("m", m);
        assertThat(j.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(j.failing()).containsExactly(reason);
    }

    @Test
    void aModelsOwnThresholdDecidesForThatModelOnly() {
        EvaluationPolicy strict = EvaluationPolicy.fromProperties(Map.of("strict.max.concept.accuracy", "2"));
        Map<String, Double> m = atTheLimits();
        m.put(CONCEPT_ACC, 3.0);
        assertThat(strict.judgeSuppression("strict", m).failing()).containsExactly("concept.accuracy 3.00 > 2.00 (the concept is still recognised)");
        assertThat(strict.judgeSuppression("other", m).verdict()).isEqualTo(Verdict.CERTIFIED);
    }
}
