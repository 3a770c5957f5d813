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

class DeadlineCheckTest {
    @TempDir
    Path root;

    @Test
    void requestsThatMetTheirDeadlinesRaiseNoWarning() throws Exception {
        CheckResult r = new DeadlineCheck().run(AuditFixtures.consistent(root).log());
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isEqualTo(2);
    }

    @Test
    void breachesAreWarningsThatSayWhichKind() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        // statuses are 30 s apart from T0: VERIFIED at +120 s, FAILED at +90 s, pending while the log's newest record is at +3600 s
        f.request("late-verified", "m", RequestKind.DELETION, List.of("a"), AuditFixtures.T0.plusSeconds(100),
                RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED, RequestState.APPLIED, RequestState.VERIFIED);
        f.request("late-failed", "m", RequestKind.DELETION, List.of("b"), AuditFixtures.T0.plusSeconds(10),
                RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED, RequestState.FAILED);
        f.request("overdue", "m", RequestKind.DELETION, List.of("c"), AuditFixtures.T0.plusSeconds(600),
                RequestState.RECEIVED, RequestState.ACCEPTED);
        CheckResult r = new DeadlineCheck().run(f.log());
        assertThat(r.failed()).isZero();
        assertThat(r.findings()).allMatch(x -> x.severity() == Finding.Severity.WARNING);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("late-verified", "late-failed", "overdue");
        assertThat(r.findings().get(0).message()).contains("VERIFIED at").contains("20s after its deadline");
        assertThat(r.findings().get(1).message()).contains("never VERIFIED, reached FAILED").contains("1m20s after");
        assertThat(r.findings().get(2).message()).contains("still ACCEPTED (not terminal)").contains("50m0s before the newest record");
    }
}
