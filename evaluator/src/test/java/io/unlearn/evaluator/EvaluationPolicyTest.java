package io.unlearn.evaluator;

import static io.unlearn.evaluator.MetricKeys.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.events.ChallengeVerdict;
import io.unlearn.events.Verdict;
import io.unlearn.ml.metrics.MembershipAdvantage;
import io.unlearn.ml.metrics.UnlearningMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationPolicyTest {

    /** A parent with TA 80 and RA 99. */
    private static Map<String, Double> forgetting(double ta, double ra) {
        Map<String, Double> m = new HashMap<>();
        m.put(TA, ta);
        m.put(RA, ra);
        m.put(PARENT_TA, 80.0);
        m.put(PARENT_RA, 99.0);
        m.put(TA_DROP, 80.0 - ta);
        m.put(RA_DROP, 99.0 - ra);
        return m;
    }

    private static final ForgettingGate.Result INDISTINGUISHABLE = new ForgettingGate.Result(null, List.of(), List.of());
    private static final ForgettingGate.Result MEMBERSHIP = new ForgettingGate.Result(null,
            List.of("membership advantage (loss) 40.00 [35.00, 45.00] on the lineage's 600 forgotten samples lies beyond ±10.00"), List.of());
    private static final ForgettingGate.Result TOO_FEW = new ForgettingGate.Result(null, List.of(),
            List.of("membership advantage (loss) 4.00 [-6.00, 14.00] straddles ±10.00", "about 900 forgotten samples (now 120) would decide"));

    @Test
    void aVersionWhoseForgetSetIsIndistinguishableAndKeepsItsUtilityIsCertified() {
        Judgement j = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(79, 97), false, INDISTINGUISHABLE);
        assertThat(j.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(j.failing()).isEmpty();
        assertThat(j.thresholds()).containsEntry("max.ta.drop", 5.0).containsEntry("max.membership.advantage", 10.0)
                .containsEntry("max.removed.class.accuracy", 5.0).containsEntry("max.ra.drop", 10.0);
    }

    @Test
    void membershipEvidenceRejectsWithTheGatesLine() {
        Judgement j = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(80, 99), false, MEMBERSHIP);
        assertThat(j.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(j.failing()).singleElement().asString().startsWith("membership advantage (loss) 40.00 [35.00, 45.00]");
    }

    @Test
    void undecidedEvidenceIsInconclusiveUnlessSomethingElseFails() {
        Judgement j = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(79, 97), false, TOO_FEW);
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.failing()).hasSize(2).last().asString().contains("would decide");
        Judgement collapsed = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(60, 97), false, TOO_FEW);
        assertThat(collapsed.verdict()).as("a utility failure decides at once").isEqualTo(Verdict.REJECTED);
    }

    @Test
    void aVersionIdenticalToItsParentIsRejectedEvenWhenTheEvidencePasses() {
        Judgement j = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(79, 97), true, INDISTINGUISHABLE);
        assertThat(j.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(j.failing()).singleElement().asString().contains("nothing was unlearned");
    }

    @Test
    void afterAWholeClassIsRemovedTheTaDropIsJudgedOnTheClassesKept() {
        Map<String, Double> m = forgetting(70, 97); // a retrain without class 0 loses its tenth of the test set
        m.put(PARENT_TA_KEPT_CLASSES, 79.0);
        m.put(TA_KEPT_CLASSES, 78.0);
        m.put(TA_DROP, 1.0);
        assertThat(EvaluationPolicy.ofDefaults().judgeForgetting("m", m, false, INDISTINGUISHABLE).verdict()).isEqualTo(Verdict.CERTIFIED);
        m.put(TA_KEPT_CLASSES, 70.0);
        m.put(TA_DROP, 9.0);
        assertThat(EvaluationPolicy.ofDefaults().judgeForgetting("m", m, false, INDISTINGUISHABLE).failing()).singleElement().asString()
                .startsWith("ta.drop 9.00 > 5.00").contains("parent's TA 79.00 on the classes the lineage keeps");
    }

    @Test
    void aTestAccuracyCollapseIsRejected() {
        Judgement j = EvaluationPolicy.ofDefaults().judgeForgetting("m", forgetting(40, 45), false, INDISTINGUISHABLE);
        assertThat(j.failing()).anySatisfy(f -> assertThat(f).startsWith("ta.drop 40.00 > 5.00"))
                .anySatisfy(f -> assertThat(f).startsWith("ra.drop 54.00 > 10.00"));
    }

    @Test
    void theGateTakesTheModelsTolerance() {
        EvaluationPolicy p = EvaluationPolicy.fromProperties(Map.of("m.max.membership.advantage", "3"));
        assertThat(p.thresholds("m")).containsEntry(PolicyCriterion.MAX_MEMBERSHIP_ADVANTAGE, 3.0);
        assertThat(p.thresholds("other")).containsEntry(PolicyCriterion.MAX_MEMBERSHIP_ADVANTAGE, 10.0);
    }

    @Test
    void perModelThresholdsOverrideTheDefaultScopeWhichOverridesTheBuiltInDefaults() {
        EvaluationPolicy p = EvaluationPolicy.fromProperties(Map.of("default.max.ta.drop", "2", "fmnist-cnn.v2.max.ta.drop", "50",
                "default.max.concept.accuracy.under.attack", "30"));
        assertThat(p.thresholds("other")).containsEntry(PolicyCriterion.MAX_TA_DROP, 2.0)
                .containsEntry(PolicyCriterion.MAX_CONCEPT_ACCURACY_UNDER_ATTACK, 30.0)
                .containsEntry(PolicyCriterion.MAX_CONCEPT_ACCURACY, 10.0);
        assertThat(p.thresholds("fmnist-cnn.v2")).containsEntry(PolicyCriterion.MAX_TA_DROP, 50.0);
        assertThat(p.judgeForgetting("fmnist-cnn.v2", forgetting(60, 97), false, INDISTINGUISHABLE).certified()).isTrue();
        assertThat(p.judgeForgetting("other", forgetting(77, 97), false, INDISTINGUISHABLE).certified()).isFalse();
    }

    @Test
    void badPolicyKeysAreAllListedAtOnce() {
        assertThatThrownBy(() -> EvaluationPolicy.fromProperties(Map.of("default.max.speed", "1", "m.max.membership.advantage", "lots",
                "m.max.ta.drop", "-1")))
                .isInstanceOf(EvaluatorException.class)
                .hasMessageContaining("policy.default.max.speed: unknown criterion")
                .hasMessageContaining("policy.m.max.membership.advantage=lots is not a finite number")
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

    /** A challenge outcome: the method's metrics and its membership advantage minus Retrain's with its interval. */
    private static ChallengeTrial.Outcome outcome(UnlearningMetrics method, double excess, double low, double high) {
        UnlearningMetrics retrain = new UnlearningMetrics(2.0, 5.0, 99.0, 88.0, 60.0);
        return new ChallengeTrial.Outcome(300, method, retrain, method.avgGap(retrain),
                new MembershipAdvantage("loss-drop", excess, low, high, 300, 3000, true),
                new MembershipAdvantage("loss", 20 + excess, 15 + excess, 25 + excess, 300, 3000, true),
                new MembershipAdvantage("loss", 20, 15, 25, 300, 3000, true), null);
    }

    @Test
    void aMethodThatLeavesTheChallengeSetDetectableBeyondRetrainFails() {
        ChallengeJudgement j = EvaluationPolicy.ofDefaults().judgeChallenge("m",
                outcome(new UnlearningMetrics(2.5, 5.5, 99.2, 88.1, 3.0), 25.0, 18.0, 32.0));
        assertThat(j.verdict()).isEqualTo(ChallengeVerdict.CHALLENGE_FAILED);
        assertThat(j.reasons()).singleElement().asString().contains("= 25.00 [18.00, 32.00] > 10.00 (max.membership.advantage)")
                .contains("detectable where an exact retrain does not");
    }

    @Test
    void aRetrainLikeResultPassesEvenWhenTheGateAloneWouldSeeMembership() {
        // Retrain's own advantage on the set is 20 (a low-loss set): only the method's excess over it is judged.
        ChallengeJudgement j = EvaluationPolicy.ofDefaults().judgeChallenge("m",
                outcome(new UnlearningMetrics(2.5, 5.5, 99.2, 88.1, 3.0), 1.0, -4.0, 6.0));
        assertThat(j.verdict()).isEqualTo(ChallengeVerdict.CHALLENGE_PASSED);
        assertThat(j.reasons()).hasSize(2).anySatisfy(r -> assertThat(r).startsWith("Avg. Gap to Retrain 0.32 <= 5.00"));
        assertThat(j.thresholds()).containsEntry("max.challenge.gap", 5.0).containsEntry("max.membership.advantage", 10.0);
    }

    @Test
    void anUndecidedExcessPassesButAGapBeyondTheLimitOrOverForgettingFails() {
        EvaluationPolicy p = EvaluationPolicy.ofDefaults();
        UnlearningMetrics close = new UnlearningMetrics(2.5, 5.5, 99.2, 88.1, 3.0);
        assertThat(p.judgeChallenge("m", outcome(close, 12.0, 5.0, 19.0)).verdict()).isEqualTo(ChallengeVerdict.CHALLENGE_PASSED);
        assertThat(p.judgeChallenge("m", outcome(close, -25.0, -32.0, -18.0)).reasons()).singleElement().asString()
                .contains("< -10.00").contains("over-forgets");
        ChallengeJudgement far = p.judgeChallenge("m", outcome(new UnlearningMetrics(30.0, 40.0, 95.0, 84.0, 3.0), 0.0, -5.0, 5.0));
        assertThat(far.verdict()).isEqualTo(ChallengeVerdict.CHALLENGE_FAILED);
        assertThat(far.reasons()).singleElement().asString().startsWith("Avg. Gap to Retrain on the challenge set 17.75 > 5.00 (max.challenge.gap)");
        assertThat(EvaluationPolicy.fromProperties(Map.of("default.max.challenge.gap", "20")).judgeChallenge("m",
                outcome(new UnlearningMetrics(30.0, 40.0, 95.0, 84.0, 3.0), 0.0, -5.0, 5.0)).failed()).isFalse();
    }

    @Test
    void everyCriterionIsDocumentedAndEveryConfigKeyToo() {
        for (PolicyCriterion c : PolicyCriterion.values()) {
            assertThat(c.doc()).as(c.key()).isNotBlank();
        }
        EvaluatorConfig.CONFIG_DEF.configKeys().values().forEach(k -> assertThat(k.documentation).as(k.name).isNotBlank());
    }
}
