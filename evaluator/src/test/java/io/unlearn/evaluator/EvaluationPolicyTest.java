package io.unlearn.evaluator;

import static io.unlearn.evaluator.MetricKeys.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.events.Verdict;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationPolicyTest {

    /** A parent with TA 80 (retrain UA estimate 20) and MIA 50 on held-out samples. */
    private static Map<String, Double> forgetting(double ua, double mia, double ta, double ra) {
        Map<String, Double> m = new HashMap<>();
        m.put(UA, ua);
        m.put(MIA, mia);
        m.put(TA, ta);
        m.put(RA, ra);
        m.put(PARENT_TA, 80.0);
        m.put(PARENT_RA, 99.0);
        m.put(UA_REFERENCE, 20.0);
        m.put(MIA_REFERENCE, 50.0);
        m.put(TA_DROP, 80.0 - ta);
        m.put(RA_DROP, 99.0 - ra);
        return m;
    }

    @Test
    void aVersionThatForgetsLikeARetrainIsCertified() {
        Judgement j = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(18, 45, 79, 97), false);
        assertThat(j.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(j.failing()).isEmpty();
        assertThat(j.thresholds()).containsEntry("max.ta.drop", 5.0).containsEntry("min.ua.ratio", 0.5)
                .containsEntry("min.mia.ratio", 0.5).containsEntry("max.ra.drop", 10.0);
    }

    @Test
    void aVersionThatStillRecognisesItsForgetSetIsRejectedNamingValueAndThreshold() {
        Judgement j = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(1, 5, 80, 99), false);
        assertThat(j.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(j.failing()).hasSize(2);
        assertThat(j.failing().get(0)).startsWith("ua 1.00 < 10.00");
        assertThat(j.failing().get(1)).startsWith("mia 5.00 < 25.00");
    }

    @Test
    void aVersionIdenticalToItsParentIsRejectedEvenWhenTheNumbersPass() {
        Judgement j = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(18, 45, 79, 97), true);
        assertThat(j.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(j.failing()).singleElement().asString().contains("nothing was unlearned");
    }

    @Test
    void aTestAccuracyCollapseIsRejected() {
        Judgement j = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(60, 70, 40, 45), false);
        assertThat(j.failing()).anySatisfy(f -> assertThat(f).startsWith("ta.drop 40.00 > 5.00"))
                .anySatisfy(f -> assertThat(f).startsWith("ra.drop 54.00 > 10.00"));
    }

    @Test
    void perModelThresholdsOverrideTheDefaultScopeWhichOverridesTheBuiltInDefaults() {
        EvaluationPolicy p = EvaluationPolicy.fromProperties(Map.of("default.max.ta.drop", "2", "fmnist-cnn.v2.max.ta.drop", "50",
                "default.max.concept.accuracy.under.attack", "30"));
        assertThat(p.thresholds("other")).containsEntry(PolicyCriterion.MAX_TA_DROP, 2.0)
                .containsEntry(PolicyCriterion.MAX_CONCEPT_ACCURACY_UNDER_ATTACK, 30.0)
                .containsEntry(PolicyCriterion.MAX_CONCEPT_ACCURACY, 10.0);
        assertThat(p.thresholds("fmnist-cnn.v2")).containsEntry(PolicyCriterion.MAX_TA_DROP, 50.0);
        assertThat(p.judgeForgetting("fmnist-cnn.v2", forgetting(18, 45, 60, 97), false).certified()).isTrue();
        assertThat(p.judgeForgetting("other", forgetting(18, 45, 77, 97), false).certified()).isFalse();
    }

    @Test
    void badPolicyKeysAreAllListedAtOnce() {
        assertThatThrownBy(() -> EvaluationPolicy.fromProperties(Map.of("default.max.speed", "1", "m.min.ua.ratio", "lots",
                "m.max.ta.drop", "-1")))
                .isInstanceOf(EvaluatorException.class)
                .hasMessageContaining("policy.default.max.speed: unknown criterion")
                .hasMessageContaining("policy.m.min.ua.ratio=lots is not a finite number")
                .hasMessageContaining("policy.m.max.ta.drop=-1");
    }

    @Test
    void suppressionIsJudgedOnConceptAccuracyAttackAndUtility() {
        Map<String, Double> m = Map.of(CONCEPT_ACC, 4.0, CONCEPT_ACC_ATTACK, 70.0, NONCONCEPT_DROP, 1.0);
        Judgement j = EvaluationPolicy.ofDefaults().judgeSuppression("m", m);
        assertThat(j.failing()).singleElement().asString().startsWith("concept.accuracy.under.attack 70.00 > 50.00");
        assertThat(EvaluationPolicy.ofDefaults().judgeSuppression("m", Map.of(CONCEPT_ACC, 4.0, CONCEPT_ACC_ATTACK, 20.0,
                NONCONCEPT_DROP, 1.0)).certified()).isTrue();
    }

    @Test
    void theChallengeJudgesTheUtilityKeptOnTheWorstCaseSetNotItsUa() {
        assertThat(EvaluationPolicy.ofDefaults().judgeChallenge("m", Map.of(UA, 0.0, UA_REFERENCE, 20.0, TA_DROP, 1.0))).isEmpty();
        assertThat(EvaluationPolicy.ofDefaults().judgeChallenge("m", Map.of(UA, 0.0, UA_REFERENCE, 20.0, TA_DROP, 7.5)))
                .singleElement().asString().startsWith("worst-case ta.drop 7.50 > 5.00");
    }

    @Test
    void everyCriterionIsDocumentedAndEveryConfigKeyToo() {
        for (PolicyCriterion c : PolicyCriterion.values()) {
            assertThat(c.doc()).as(c.key()).isNotBlank();
        }
        EvaluatorConfig.CONFIG_DEF.configKeys().values().forEach(k -> assertThat(k.documentation).as(k.name).isNotBlank());
    }
}
