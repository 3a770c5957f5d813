package io.unlearn.audit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleCheckTest {
    @TempDir
    Path root;

    @Test
    void aConsistentHistoryPassesAndARepeatedStatusIsNoMove() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.statuses.add(AuditFixtures.status("r1", "m", RequestState.VERIFIED, AuditFixtures.T0.plusSeconds(200), null));
        CheckResult r = new LifecycleCheck().run(f.log());
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isEqualTo(2);
    }

    @Test
    void anInvalidStatusTransitionIsAFailureNamingTheRequestAndTheMove() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.request("r3", "m", RequestKind.DELETION, List.of("s3"), AuditFixtures.T0.plusSeconds(7200),
                RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.APPLIED, RequestState.BATCHED);
        CheckResult r = new LifecycleCheck().run(f.log());
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("r3", "r3");
        assertThat(r.findings().get(0).message()).contains("invalid status transition ACCEPTED -> APPLIED");
        assertThat(r.findings().get(1).message()).contains("APPLIED -> BATCHED");
    }

    @Test
    void aRequestMustStartReceivedAndAnAcceptedRequestNeedsStatuses() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.request("r4", "m", RequestKind.DELETION, List.of("s4"), AuditFixtures.T0, RequestState.ACCEPTED);
        f.request("r5", "m", RequestKind.DELETION, List.of("s5"), AuditFixtures.T0);
        CheckResult r = new LifecycleCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::line).containsExactly(
                "[lifecycle] r4: invalid status sequence: starts with ACCEPTED, not RECEIVED",
                "[lifecycle] r5: accepted for m but has no status on unlearn.requests.status");
    }
}
