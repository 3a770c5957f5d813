package io.unlearn.evaluator.internals;

import static io.unlearn.evaluator.internals.EvaluatorStateTest.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.MembershipTest;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import io.unlearn.schemas.RequestLifecycle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests of a version whose evidence was too small wait, and the next version that decides the lineage's set decides them. */
class AwaitingEvidenceTest {

    private static EvaluationReport report(int n, Verdict verdict, Verdict evidence, double lineageLow, double lineageHigh, String... requests) {
        MembershipTest lineage = MembershipTest.newBuilder().setScope("lineage").setModel("version").setAttack("loss").setAdvantage((lineageLow + lineageHigh) / 2)
                .setCiLow(lineageLow).setCiHigh(lineageHigh).setMembers(100 * n).setNonMembers(5000).build();
        ForgettingEvidence e = ForgettingEvidence.newBuilder().setTolerance(10).setForgetSetSize(100 * n).setNonMemberSize(5000)
                .setTests(List.of(lineage)).setDecision(evidence).build();
        return EvaluationReport.newBuilder().setVersionId("m@v" + n).setModelId("m").setVersion(n).setKind(ModelVersionKind.UNLEARNED)
                .setMethod("rl").setAppliedRequestIds(List.of(requests)).setVerdict(verdict).setForgetting(e)
                .setFailingCriteria(List.of(verdict == Verdict.CERTIFIED ? List.<String>of() : List.of("why v" + n)).get(0))
                .setEvaluatedAt(Instant.EPOCH).build();
    }

    private static EvaluatorState lineageOf(EvaluationReport... reports) {
        EvaluatorState s = new EvaluatorState();
        s.onVersion(version(1, ModelVersionKind.BASE), 0);
        for (EvaluationReport r : reports) {
            s.onVersion(version((int) r.getVersion(), ModelVersionKind.UNLEARNED), 0);
            s.onReport(r);
        }
        return s;
    }

    @Test
    void anUndecidedVersionsRequestsAwaitEvidenceWithTheReason() {
        EvaluationReport v2 = report(2, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, -6, 14, "r1");
        RequestStatus s = Reports.status(v2, "r1", Instant.EPOCH);
        assertThat(s.getState()).isEqualTo(RequestState.AWAITING_EVIDENCE);
        assertThat(s.getReason()).contains("INCONCLUSIVE: why v2").contains("a later version of the lineage");
        assertThat(RequestLifecycle.canMove(RequestState.APPLIED, RequestState.AWAITING_EVIDENCE)).isTrue();
        assertThat(RequestLifecycle.canMove(RequestState.AWAITING_EVIDENCE, RequestState.VERIFIED)).isTrue();
        EvaluationReport notJudged = EvaluationReport.newBuilder(v2).setForgetting(null).build();
        assertThat(Reports.status(notJudged, "r1", Instant.EPOCH).getState()).as("an evaluation error is no reason to wait").isEqualTo(RequestState.FAILED);
    }

    @Test
    void aCertifiedDescendantVerifiesEveryWaitingAncestorUpToTheLastDecidedOne() {
        EvaluatorState s = lineageOf(report(2, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, -6, 14, "r1"),
                report(3, Verdict.CERTIFIED, Verdict.CERTIFIED, -3, 5, "r2"),
                report(4, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, -2, 12, "r3"),
                report(5, Verdict.REJECTED, Verdict.REJECTED, -4, 8, "r4"), // its own batch failed: decides nothing earlier
                report(6, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, 0, 11, "r5"));
        EvaluationReport v7 = report(7, Verdict.CERTIFIED, Verdict.CERTIFIED, -2, 6, "r6");
        s.onVersion(version(7, ModelVersionKind.UNLEARNED), 0);
        List<EvaluationReport> waiting = s.awaitingEvidenceBefore(s.version("m@v7").orElseThrow());
        assertThat(waiting).extracting(EvaluationReport::getVersionId).containsExactly("m@v6", "m@v4");
        assertThat(Reports.decisionForEarlierRequests(v7)).contains(RequestState.VERIFIED);
        RequestStatus decided = Reports.decidedLater(waiting.get(1), v7, "r3", RequestState.VERIFIED, Instant.EPOCH);
        assertThat(decided.getVersionId()).isEqualTo("m@v7");
        assertThat(decided.getReason()).contains("m@v4 was INCONCLUSIVE").contains("m@v7").contains("700 forgotten samples");
    }

    @Test
    void aDescendantWhoseLineageShowsMembershipEscalatesTheWaitingRequestsButOneRejectedForItsBatchAlonePassesThemOn() {
        EvaluationReport lineageFails = report(3, Verdict.REJECTED, Verdict.REJECTED, 15, 30, "r2");
        assertThat(Reports.decisionForEarlierRequests(lineageFails)).as("the worker re-applies them").contains(RequestState.ESCALATING);
        EvaluationReport batchFails = report(3, Verdict.REJECTED, Verdict.REJECTED, -4, 8, "r2");
        assertThat(Reports.decisionForEarlierRequests(batchFails)).isEmpty();
        assertThat(Reports.decisionForEarlierRequests(report(3, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, 2, 12))).isEmpty();
        EvaluationReport suppressed = EvaluationReport.newBuilder(report(3, Verdict.CERTIFIED, Verdict.CERTIFIED, -1, 1))
                .setKind(ModelVersionKind.SUPPRESSED).setForgetting(null).build();
        assertThat(Reports.decisionForEarlierRequests(suppressed)).as("a concept certificate says nothing about deletions").isEmpty();
        RequestStatus failed = Reports.decidedLater(report(2, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, -6, 14, "r1"), lineageFails, "r1",
                RequestState.ESCALATING, Instant.EPOCH);
        assertThat(failed.getState()).isEqualTo(RequestState.ESCALATING);
        assertThat(failed.getReason()).contains("was REJECTED: why v3").contains("the worker re-applies the request with a stronger method");
    }
}
