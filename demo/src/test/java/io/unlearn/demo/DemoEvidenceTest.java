package io.unlearn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.Judgement;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.MembershipTest;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.Verdict;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The evidence is read from reports; these reports come from the evaluator's own policy and gate, so both must agree. */
class DemoEvidenceTest {
    private static final EvaluationPolicy POLICY = EvaluationPolicy.fromProperties(Map.of("m.max.ta.drop", "3"));
    private static final ModelVersion V2 = DemoEvents.version(2, ModelVersionKind.UNLEARNED, List.of("r"));

    @Test
    void theUtilityCriteriaAreCheckedAsThePolicyDoesAndTheGatesAreLeftToItsEvidence() {
        EvaluationReport r = DemoGateOutputs.judged(POLICY, V2, DemoGateOutputs.utility(2.0, 4.0), 1500, DemoGateOutputs.UNSEEN);

        List<DemoEvidence.Check> checks = DemoEvidence.checks(r);

        assertThat(r.getThresholds()).containsKeys("max.membership.advantage", "max.removed.class.accuracy", "min.signal.removed");
        assertThat(checks).extracting(DemoEvidence.Check::criterion).containsExactly("max.ta.drop", "max.ra.drop");
        assertThat(checks).allMatch(DemoEvidence.Check::passed);
        DemoEvidence.Check ta = checks.get(0);
        assertThat(ta.limit()).as("the model's own threshold, from the report").isEqualTo(3.0);
        assertThat(ta.op()).isEqualTo("≤");
    }

    @Test
    void aVersionThatStillRemembersIsExplainedByItsIntervalWithTheParentSideBySide() {
        EvaluationReport r = DemoGateOutputs.judged(POLICY, V2, DemoGateOutputs.utility(1.0, 1.0), 600, DemoGateOutputs.SEEN);
        MembershipTest reported = r.getForgetting().getTests().stream()
                .filter(t -> t.getScope().equals("lineage") && t.getModel().equals("version") && t.getAttack().equals("loss")).findFirst().orElseThrow();

        DemoMembership.Test loss = DemoMembership.lineageLoss(r, "version").orElseThrow();

        assertThat(r.getVerdict()).isEqualTo(Verdict.REJECTED);
        assertThat(loss.advantage()).isEqualTo(reported.getAdvantage());
        assertThat(loss.ciLow()).as("the interval lies above the tolerance").isEqualTo(reported.getCiLow()).isGreaterThan(10.0);
        assertThat(loss.outcome()).startsWith("membership shows");
        assertThat(DemoMembership.line(r)).startsWith("gate REJECTED: membership advantage (loss) " + loss.interval() + ", parent ")
                .contains("on the lineage's 600 forgotten vs 5000 unseen, tolerance ±10.0").doesNotContain("would decide");
        assertThat(DemoMembership.drop(r).orElseThrow().outcome()).as("a version that removed nothing of the parent's advantage")
                .startsWith("the parent's signal left in place (interval below " + DemoFacts.pct(0.5 * DemoMembership.lineageLoss(r, "parent")
                        .orElseThrow().advantage()) + ")");
        assertThat(DemoMembership.line(r)).contains(", drop " + DemoMembership.drop(r).orElseThrow().interval() + " on ");
        assertThat(DemoEvidence.checks(r)).as("the utility held: the gate alone rejected it").allMatch(DemoEvidence.Check::passed);
    }

    @Test
    void aForgottenSetIsIndistinguishableAndASmallOneUndecidedWithTheSamplesThatWouldDecide() {
        EvaluationReport certified = DemoGateOutputs.judged(POLICY, V2, DemoGateOutputs.utility(1.0, 1.0), 1500, DemoGateOutputs.UNSEEN);
        EvaluationReport small = DemoGateOutputs.judged(POLICY, V2, DemoGateOutputs.utility(1.0, 1.0), 40, DemoGateOutputs.UNSEEN);

        assertThat(certified.getVerdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(DemoMembership.lineageLoss(certified, "version").orElseThrow().outcome()).startsWith("indistinguishable");
        assertThat(DemoMembership.lineageLoss(certified, "parent").orElseThrow().outcome()).as("the parent remembered").startsWith("membership shows");
        assertThat(DemoMembership.drop(certified).orElseThrow().outcome()).startsWith("removed enough of the parent's signal");
        assertThat(small.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(DemoMembership.lineageLoss(small, "version").orElseThrow().outcome()).startsWith("undecided");
        assertThat(new DemoMembership.Test("batch", "version", "svm-confidence", 9.2, 6.7, 11.8, 426, 9167, true, 10.0, Double.NaN).outcome())
                .as("the gate lets a batch's own test only reject").startsWith("not beyond ±10.0");
        assertThat(DemoMembership.line(small)).startsWith("gate INCONCLUSIVE")
                .endsWith("about " + small.getForgetting().getSamplesNeeded() + " forgotten samples would decide");
    }

    @Test
    void theFailedChecksAreTheOnesThePolicyNamed() {
        Map<String, Double> m = DemoGateOutputs.utility(4.0, 4.0);
        EvaluationReport r = DemoGateOutputs.judged(POLICY, V2, m, 1500, DemoGateOutputs.UNSEEN);

        List<String> failed = DemoEvidence.checks(r).stream().filter(c -> !c.passed()).map(DemoEvidence.Check::metric).toList();

        assertThat(failed).containsExactly("ta.drop");
        assertThat(r.getFailingCriteria()).singleElement().asString().startsWith("ta.drop 4.00 > 3.00");
    }

    @Test
    void suppressionAndBaseCriteria() {
        Map<String, Double> s = new TreeMap<>(Map.of("concept.accuracy", 0.4, "concept.accuracy.under.attack", 60.0, "nonconcept.drop", 1.0));
        EvaluationReport suppressed = judged(ModelVersionKind.SUPPRESSED, s, POLICY.judgeSuppression("m", s));
        Map<String, Double> b = Map.of("ta", 85.0);
        EvaluationReport base = judged(ModelVersionKind.BASE, b, POLICY.judgeBase("m", b));

        assertThat(DemoEvidence.checks(suppressed)).hasSize(3).filteredOn(c -> !c.passed()).extracting(DemoEvidence.Check::metric)
                .containsExactly("concept.accuracy.under.attack");
        assertThat(DemoEvidence.checks(base)).singleElement().satisfies(c -> {
            assertThat(c.criterion()).isEqualTo("min.ta");
            assertThat(c.passed()).isTrue();
        });
        assertThat(DemoMembership.line(base)).as("no forgetting evidence for a base").isNull();
    }

    @Test
    void theChallengeIsJudgedOnItsTaDropAgainstTheRecordedThreshold() {
        EvaluationReport basic = DemoGateOutputs.judged(POLICY, V2, DemoGateOutputs.utility(1.0, 1.0), 1500, DemoGateOutputs.UNSEEN);

        DemoEvidence.Check passed = DemoEvidence.challenge(DemoEvents.withChallenge(basic, 0.0, 2.5, true));
        DemoEvidence.Check failed = DemoEvidence.challenge(DemoEvents.withChallenge(basic, 0.0, 3.5, false));

        assertThat(passed.metric()).isEqualTo("worst-case ta.drop");
        assertThat(passed.passed()).isTrue();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.limit()).isEqualTo(3.0);
        assertThat(DemoEvidence.challenge(basic)).as("no challenge yet").isNull();
    }

    @Test
    void anUnmeasuredReportHasNoChecks() {
        EvaluationReport refused = DemoEvents.report(V2, Verdict.REJECTED, Map.of(), Map.of(), List.of("artifact sha256 mismatch"));

        assertThat(DemoEvidence.checks(refused)).isEmpty();
        assertThat(DemoMembership.tests(refused)).isEmpty();
    }

    private static EvaluationReport judged(ModelVersionKind kind, Map<String, Double> m, Judgement j) {
        return DemoEvents.report(DemoEvents.version(kind == ModelVersionKind.BASE ? 1 : 2, kind, List.of("r")), j.verdict(), m,
                j.thresholds(), j.failing());
    }
}
