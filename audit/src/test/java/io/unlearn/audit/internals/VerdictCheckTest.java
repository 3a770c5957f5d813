package io.unlearn.audit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictCheckTest {
    @TempDir
    Path root;

    private static RequestStatus byEvaluator(String request, RequestState state, String versionId) {
        return RequestStatus.newBuilder(AuditFixtures.status(request, "m", state, AuditFixtures.T0.plusSeconds(900), "why"))
                .setEmittedBy("evaluator").setVersionId(versionId).build();
    }

    /** v2 (r1) INCONCLUSIVE on its evidence, v3 (r3) CERTIFIED deciding r1 as well. */
    private AuditFixtures awaitedThenDecided() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.reports.clear();
        f.report(f.versions.get(1), Verdict.INCONCLUSIVE);
        ModelVersion v3 = f.version("m", 3, ModelVersionKind.UNLEARNED, f.versions.get(1), f.artifact("v3"), List.of("r3"), null);
        f.report(v3, Verdict.CERTIFIED);
        f.statuses.add(byEvaluator("r1", RequestState.AWAITING_EVIDENCE, "m@v2"));
        f.statuses.add(byEvaluator("r3", RequestState.VERIFIED, "m@v3"));
        f.statuses.add(byEvaluator("r1", RequestState.VERIFIED, "m@v3"));
        return f;
    }

    @Test
    void statusesBackedByTheirVersionsReportsPassIncludingARequestDecidedByALaterVersion() throws Exception {
        CheckResult r = new VerdictCheck().run(awaitedThenDecided().log());
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isEqualTo(3);
    }

    @Test
    void aVerifiedRequestWhoseVersionWasNotCertifiedOrNeverAppliedItFails() throws Exception {
        AuditFixtures f = awaitedThenDecided();
        f.statuses.add(byEvaluator("r9", RequestState.VERIFIED, "m@v3"));
        f.statuses.add(byEvaluator("r1", RequestState.VERIFIED, "m@v2"));
        f.statuses.add(byEvaluator("r3", RequestState.FAILED, "m@v3"));
        f.statuses.add(byEvaluator("r3", RequestState.AWAITING_EVIDENCE, "m@v3"));
        CheckResult r = new VerdictCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::message).containsExactly(
                "VERIFIED by version m@v3, although neither it nor an ancestor applied the request",
                "VERIFIED by version m@v2, whose report is INCONCLUSIVE",
                "FAILED by version m@v3, whose report is CERTIFIED",
                "AWAITING_EVIDENCE from version m@v3, whose report is CERTIFIED");
    }

    @Test
    void aCertificateLaterRejectedByAFailedChallengeStillBacksItsVerifiedRequestsAndBacksEscalation() throws Exception {
        AuditFixtures f = awaitedThenDecided();
        ModelVersion v3 = f.versions.stream().filter(v -> v.getVersionId().equals("m@v3")).findFirst().orElseThrow();
        f.report(v3, Verdict.REJECTED); // the challenge report, after the basic CERTIFIED one
        f.statuses.add(byEvaluator("r4", RequestState.ESCALATING, "m@v3"));
        f.statuses.add(byEvaluator("r1", RequestState.ESCALATING, "m@v2")); // v2 awaited; its descendant v3 was rejected
        CheckResult r = new VerdictCheck().run(f.log());
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isEqualTo(5);
    }

    @Test
    void anEscalationWithoutARejectionOfItsVersionOrALaterOneFails() throws Exception {
        AuditFixtures f = awaitedThenDecided();
        f.statuses.add(byEvaluator("r3", RequestState.ESCALATING, "m@v3"));
        f.statuses.add(byEvaluator("r1", RequestState.ESCALATING, "m@v2"));
        CheckResult r = new VerdictCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::message).containsExactly(
                "ESCALATING from version m@v3, whose report is CERTIFIED and no later version of its lineage was REJECTED",
                "ESCALATING from version m@v2, whose report is INCONCLUSIVE and no later version of its lineage was REJECTED");
    }

    @Test
    void aCertificateWithoutForgettingEvidenceIsAWarning() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.reports.replaceAll(x -> EvaluationReport.newBuilder(x).setForgetting(null).build());
        CheckResult r = new VerdictCheck().run(f.log());
        assertThat(r.failed()).isZero();
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(x.subject()).isEqualTo("m@v2");
            assertThat(x.message()).contains("without forgetting evidence");
        });
    }
}
