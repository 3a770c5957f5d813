package io.unlearn.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.Judgement;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersionKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The evidence is read from reports; these reports come from the evaluator's own policy, so both must agree. */
class DemoEvidenceTest {
    private static final EvaluationPolicy POLICY = EvaluationPolicy.fromProperties(Map.of("m.max.ta.drop", "3"));

    @Test
    void everyCriterionOfAForgettingVersionAgreesWithThePolicy() {
        Map<String, Double> m = forgetting(2.0, 4.0, 12.0, 40.0);
        EvaluationReport r = judged(ModelVersionKind.UNLEARNED, m, POLICY.judgeForgetting("m", m, false));

        List<DemoEvidence.Check> checks = DemoEvidence.checks(r);

        assertThat(checks).extracting(DemoEvidence.Check::criterion)
                .containsExactlyInAnyOrder("max.ta.drop", "max.ra.drop", "min.ua.ratio", "min.mia.ratio");
        assertThat(checks).allMatch(DemoEvidence.Check::passed);
        DemoEvidence.Check ua = checks.stream().filter(c -> c.metric().equals("ua")).findFirst().orElseThrow();
        assertThat(ua.limit()).as("min.ua.ratio × ua.reference").isCloseTo(0.5 * 12.0, within(1e-9));
        assertThat(ua.op()).isEqualTo("≥");
        DemoEvidence.Check ta = checks.stream().filter(c -> c.metric().equals("ta.drop")).findFirst().orElseThrow();
        assertThat(ta.limit()).as("the model's own threshold, from the report").isEqualTo(3.0);
    }

    @Test
    void theFailedChecksAreTheOnesThePolicyNamed() {
        Map<String, Double> m = forgetting(4.0, 4.0, 2.0, 40.0);
        Judgement j = POLICY.judgeForgetting("m", m, false);
        EvaluationReport r = judged(ModelVersionKind.UNLEARNED, m, j);

        List<String> failed = DemoEvidence.checks(r).stream().filter(c -> !c.passed()).map(DemoEvidence.Check::metric).toList();

        assertThat(failed).containsExactlyInAnyOrder("ta.drop", "ua");
        assertThat(j.failing()).hasSize(2).anyMatch(l -> l.startsWith("ta.drop")).anyMatch(l -> l.startsWith("ua"));
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
    }

    @Test
    void theChallengeIsJudgedOnItsTaDropAgainstTheRecordedThreshold() {
        Map<String, Double> m = forgetting(1.0, 1.0, 12.0, 40.0);
        EvaluationReport basic = judged(ModelVersionKind.UNLEARNED, m, POLICY.judgeForgetting("m", m, false));

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
        EvaluationReport refused = DemoEvents.report(DemoEvents.version(2, ModelVersionKind.UNLEARNED, List.of("r")),
                io.unlearn.events.Verdict.REJECTED, Map.of(), Map.of(), List.of("artifact sha256 mismatch"));

        assertThat(DemoEvidence.checks(refused)).isEmpty();
    }

    private static Map<String, Double> forgetting(double taDrop, double raDrop, double ua, double mia) {
        return new TreeMap<>(Map.of("ta.drop", taDrop, "ra.drop", raDrop, "ua", ua, "mia", mia, "ua.reference", 12.0,
                "mia.reference", 50.0, "parent.ta", 88.0, "parent.ra", 95.0, "ta", 88.0 - taDrop, "ra", 95.0 - raDrop));
    }

    private static EvaluationReport judged(ModelVersionKind kind, Map<String, Double> m, Judgement j) {
        return DemoEvents.report(DemoEvents.version(kind == ModelVersionKind.BASE ? 1 : 2, kind, List.of("r")), j.verdict(), m,
                j.thresholds(), j.failing());
    }
}
