package io.unlearn.worker.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which escalation a model needs, decided from the topics alone: the versions a rejection affects, the version the
 * re-application builds on, the next method of the ladder, idempotence once a version supersedes them, and FAILED when
 * the ladder's top was rejected.
 */
class EscalationPlannerTest {
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private static final String SHA = "a".repeat(64);
    private final ModelHeads heads = new ModelHeads();
    private final EscalationPlanner planner = new EscalationPlanner(new EscalationLadder("ft", List.of("rl", "eu-k", "retrain")));

    @Test
    void theLadderIsTheConfiguredMethodThenTheLadderAboveIt() {
        assertThat(new EscalationLadder("ft", List.of("rl", "eu-k", "retrain")).methods()).containsExactly("ft", "rl", "eu-k", "retrain");
        assertThat(new EscalationLadder("eu-k", List.of("rl", "eu-k", "retrain")).methods()).containsExactly("eu-k", "retrain");
        assertThat(new EscalationLadder("rl", List.of()).methods()).as("empty: no escalation").containsExactly("rl");
        EscalationLadder ladder = new EscalationLadder("rl", List.of("rl", "eu-k", "retrain"));
        assertThat(ladder.after("rl", Set.of("rl"))).contains("eu-k");
        assertThat(ladder.after("rl", Set.of("rl", "eu-k"))).contains("retrain");
        assertThat(ladder.after("retrain", Set.of("retrain"))).isEmpty();
        assertThat(ladder.after("ga", Set.of("ga"))).as("a method off the ladder: its start").contains("rl");
        assertThat(ladder.current(Set.of("rl"))).isEqualTo("eu-k");
        assertThat(ladder.current(Set.of("rl", "eu-k", "retrain"))).as("every one unreliable: the top").isEqualTo("retrain");
    }

    @Test
    void aRejectedVersionIsReappliedOnTheLastCertifiedVersionWithTheNextMethodTogetherWithTheVersionsBetweenAndAbove() {
        version(1, null, ModelVersionKind.BASE, "train");
        version(2, 1, ModelVersionKind.UNLEARNED, "ft", "r1");
        report(2, Verdict.CERTIFIED);
        version(3, 2, ModelVersionKind.UNLEARNED, "ft", "r2");
        report(3, Verdict.INCONCLUSIVE);
        status("r2", RequestState.AWAITING_EVIDENCE, 3);
        version(4, 3, ModelVersionKind.UNLEARNED, "ft", "r3", "r4");
        version(5, 4, ModelVersionKind.UNLEARNED, "ft", "r5"); // built on v4 before its verdict
        forget(3, "r2", "s2");
        forget(4, "r3", "s3");
        forget(5, "r5", "s5");
        assertThat(planner.next("m", heads, Set.of())).as("nothing rejected").isEmpty();
        assertThat(heads.head("m").orElseThrow().getVersion()).isEqualTo(5);

        report(4, Verdict.REJECTED, "lineage membership svm 16.1 > 10");
        status("r3", RequestState.ESCALATING, 4);
        status("r4", RequestState.ESCALATING, 4);
        Escalation e = planner.next("m", heads, Set.of()).orElseThrow();

        assertThat(e.rejected().getVersionId()).isEqualTo("m@v4");
        assertThat(e.parent().getVersionId()).as("the last certified version").isEqualTo("m@v2");
        assertThat(e.affectedIds()).containsExactly("m@v3", "m@v4", "m@v5");
        assertThat(e.requestIds()).containsExactly("r2", "r3", "r4", "r5");
        assertThat(e.forgotten()).extracting(ForgottenSample::getSampleId).containsExactly("s2", "s3", "s5");
        assertThat(e.method()).contains("rl");
        assertThat(e.toMove()).extracting(RequestStatus::getRequestId).as("only ESCALATING requests move").containsExactly("r3", "r4");
        assertThat(e.story()).contains("m@v4 (ft) was REJECTED (lineage membership svm 16.1 > 10)").contains("ft is unreliable for m")
                .contains("re-applied by rl on m@v2");
        assertThat(planner.method("m", heads)).as("new batches leave the unreliable method").isEqualTo("rl");
        assertThat(heads.head("m").orElseThrow().getVersionId()).as("never a rejected version or one built on it (until the"
                + " escalation supersedes it, the INCONCLUSIVE v3 is the newest that is neither)").isEqualTo("m@v3");
        assertThat(heads.forgotten("m")).as("the head's lineage only").containsExactly("s2");
    }

    @Test
    void onceAVersionSupersedesThemNothingIsPlannedAgainAndItIsTheHead() {
        version(1, null, ModelVersionKind.BASE, "train");
        version(2, 1, ModelVersionKind.UNLEARNED, "ft", "r1");
        report(2, Verdict.REJECTED, "drop 0.0 < 6.8");
        assertThat(planner.next("m", heads, Set.of())).isPresent();
        assertThat(planner.next("m", heads, Set.of("m@v2"))).as("given up on").isEmpty();

        heads.onVersion(ModelVersion.newBuilder(v(3, 1, ModelVersionKind.UNLEARNED, "rl", "r1")).setSupersedes(List.of("m@v2")).build());
        assertThat(planner.next("m", heads, Set.of())).as("idempotent, also after a restart: the topic says v3 supersedes v2").isEmpty();
        assertThat(heads.head("m").orElseThrow().getVersionId()).isEqualTo("m@v3");
        assertThat(heads.nextNumber("m")).isEqualTo(4);

        report(3, Verdict.REJECTED, "lineage membership");
        Escalation again = planner.next("m", heads, Set.of()).orElseThrow();
        assertThat(again.affectedIds()).as("the superseded v2 is not affected twice").containsExactly("m@v3");
        assertThat(again.parent().getVersionId()).isEqualTo("m@v1");
        assertThat(again.method()).contains("eu-k");
    }

    @Test
    void whenTheTopOfTheLadderIsRejectedTheWaitingRequestsFailOnce() {
        EscalationPlanner one = new EscalationPlanner(new EscalationLadder("ft", List.of()));
        version(1, null, ModelVersionKind.BASE, "train");
        version(2, 1, ModelVersionKind.UNLEARNED, "ft", "r1", "r2");
        report(2, Verdict.REJECTED, "drop 0.0 < 6.8");
        status("r1", RequestState.ESCALATING, 2);
        status("r2", RequestState.VERIFIED, 2);

        Escalation e = one.next("m", heads, Set.of()).orElseThrow();
        assertThat(e.method()).isEmpty();
        assertThat(e.toMove()).extracting(RequestStatus::getRequestId).containsExactly("r1");
        assertThat(e.story()).startsWith("the top of the escalation ladder (ft) was REJECTED: m@v2 (ft) was REJECTED (drop 0.0 < 6.8)");

        status("r1", RequestState.FAILED, 2);
        assertThat(one.next("m", heads, Set.of())).as("nothing left to fail").isEmpty();
        assertThat(heads.head("m").orElseThrow().getVersionId()).isEqualTo("m@v1");
        assertThat(heads.nextNumber("m")).as("numbers stay unique above the abandoned version").isEqualTo(3);
    }

    @Test
    void anEscalationCarriesTheSuppressionsOfTheSuppressedVersionsItSupersedes() {
        version(1, null, ModelVersionKind.BASE, "train");
        version(2, 1, ModelVersionKind.UNLEARNED, "ft", "r1");
        ModelVersion concept = ModelVersion.newBuilder(v(3, 2, ModelVersionKind.SUPPRESSED, "SAE-suppression", "c1"))
                .setActiveSuppressions(List.of(VersionFollowUpsTest.suppression("footwear"))).build();
        heads.onVersion(concept);
        report(2, Verdict.REJECTED, "lineage membership");
        Escalation e = planner.next("m", heads, Set.of()).orElseThrow();
        assertThat(e.affectedIds()).containsExactly("m@v2", "m@v3");
        assertThat(e.requestIds()).as("the concept request stays with its SUPPRESSED version").containsExactly("r1");

        heads.onVersion(ModelVersion.newBuilder(v(4, 1, ModelVersionKind.UNLEARNED, "rl", "r1")).setSupersedes(e.affectedIds()).build());
        assertThat(VersionFollowUps.lapsedSuppressions("m", heads)).as("re-derived on the new weights")
                .extracting(s -> s.getConceptName()).containsExactly("footwear");
    }

    private void version(long n, Integer parent, ModelVersionKind kind, String method, String... requests) {
        heads.onVersion(v(n, parent, kind, method, requests));
    }

    private static ModelVersion v(long n, Integer parent, ModelVersionKind kind, String method, String... requests) {
        return ModelVersion.newBuilder().setModelId("m").setVersion(n).setVersionId("m@v" + n)
                .setParentVersionId(parent == null ? null : "m@v" + parent).setKind(kind).setMethod(method).setArtifactUri("file:/x/")
                .setArtifactSha256(SHA).setAppliedRequestIds(List.of(requests)).setLineageHash(SHA).setCreatedAt(T0).build();
    }

    private void report(long n, Verdict verdict, String... failing) {
        heads.onReport(EvaluationReport.newBuilder().setVersionId("m@v" + n).setModelId("m").setVersion(n).setMethod("x")
                .setVerdict(verdict).setFailingCriteria(List.of(failing)).setEvaluatedAt(T0).build());
    }

    private void status(String request, RequestState state, long version) {
        heads.onStatus(RequestStatus.newBuilder().setRequestId(request).setKind(RequestKind.DELETION).setState(state).setModelId("m")
                .setVersionId("m@v" + version).setEmittedBy("evaluator").setOccurredAt(T0).build());
    }

    private void forget(long version, String request, String sample) {
        heads.onForgotten(ForgottenSample.newBuilder().setSampleId(sample).setRequestId(request).setModelId("m")
                .setVersionId("m@v" + version).setForgottenAt(T0).build());
    }
}
