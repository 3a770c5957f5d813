package io.unlearn.audit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactlyOnceCheckTest {
    @TempDir
    Path root;

    @Test
    void oneApplicationOrAFailureWithAReasonVerifies() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.request("r-failed", "m", RequestKind.DELETION, List.of("s9"), AuditFixtures.T0,
                RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED, RequestState.FAILED);
        CheckResult r = new ExactlyOnceCheck().run(f.log());
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isEqualTo(2);
    }

    @Test
    void aDoubleApplicationFailsNamingBothVersions() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.version("m", 3, ModelVersionKind.UNLEARNED, f.versions.get(1), f.artifact("again"), List.of("r1"), null);
        CheckResult r = new ExactlyOnceCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::line)
                .containsExactly("[exactly-once] r1: applied more than once: by m@v2, m@v3 (exactly one version may apply a request)");
    }

    @Test
    void pendingIsAWarningUntilTheDeadlinePassesThenAFailure() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.request("r-pending", "m", RequestKind.DELETION, List.of("s7"), AuditFixtures.T0.plusSeconds(7200),
                RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED);
        f.request("r-overdue", "m", RequestKind.DELETION, List.of("s8"), AuditFixtures.T0.plusSeconds(60),
                RequestState.RECEIVED, RequestState.ACCEPTED);
        CheckResult r = new ExactlyOnceCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::severity, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Severity.WARNING, "r-pending"),
                org.assertj.core.groups.Tuple.tuple(Finding.Severity.FAILURE, "r-overdue"));
        assertThat(r.findings().get(1).message()).contains("applied by no version").contains("deadline");
    }

    @Test
    void anAlreadyForgottenAcknowledgementMustBeBackedByForgottenSamples() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.request("r-again", "m", RequestKind.DELETION, List.of("s1"), AuditFixtures.T0.plusSeconds(7200),
                RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED);
        f.request("r-lie", "m", RequestKind.DELETION, List.of("s1", "s6"), AuditFixtures.T0.plusSeconds(7200),
                RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED);
        f.statuses.add(RequestStatus.newBuilder(AuditFixtures.status("r-again", "m", RequestState.APPLIED, AuditFixtures.T0, null)).setVersionId("m@v2").build());
        f.statuses.add(RequestStatus.newBuilder(AuditFixtures.status("r-lie", "m", RequestState.APPLIED, AuditFixtures.T0, null)).setVersionId("m@v2").build());
        CheckResult r = new ExactlyOnceCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::line).containsExactly("[exactly-once] r-lie: APPLIED against m@v2 although no"
                + " version applies it, and samples [s6] were never forgotten by m@v2 or its ancestors");
    }

    @Test
    void aConceptNeedsOneSuppressedVersionAndAVersionMayApplyOnlyAcceptedRequests() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.request("c1", "m", RequestKind.CONCEPT, List.of(), AuditFixtures.T0.plusSeconds(7200), RequestState.RECEIVED,
                RequestState.ACCEPTED, RequestState.BATCHED, RequestState.APPLIED);
        ModelVersion v2 = f.versions.get(1);
        f.version("m", 3, ModelVersionKind.SUPPRESSED, v2, v2.getArtifactSha256(), List.of("c1", "ghost"), null);
        CheckResult r = new ExactlyOnceCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::line)
                .containsExactly("[exactly-once] m@v3: applies request ghost, which was never accepted for m");
        f.replaceVersion(2, b -> b.setKind(ModelVersionKind.UNLEARNED).setAppliedRequestIds(List.of("c1")));
        assertThat(new ExactlyOnceCheck().run(f.log()).findings()).extracting(Finding::message)
                .containsExactly("concept request applied by m@v3, a UNLEARNED version, not SUPPRESSED");
    }
}
