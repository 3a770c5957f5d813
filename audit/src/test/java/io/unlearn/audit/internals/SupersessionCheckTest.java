package io.unlearn.audit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.AuditResult;
import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The escalation chain on hand-built logs: a correct one verifies in every check; each way of breaking it is named. */
class SupersessionCheckTest {
    @TempDir
    Path root;

    @Test
    void aCorrectEscalationVerifiesInEveryCheckAndTheReportNamesIt() throws Exception {
        AuditResult r = AllChecks.run(AuditFixtures.escalated(root).log(), Duration.ofMinutes(5));
        assertThat(r.failures()).isEmpty();
        assertThat(r.checks()).filteredOn(c -> c.check().equals("supersession")).singleElement()
                .satisfies(c -> assertThat(c.passed()).isEqualTo(2));
        assertThat(TextReport.render(r)).contains("m@v3 (rl, on m@v1) supersedes m@v2: m@v2 (ft) was REJECTED (lineage membership)");
        assertThat(HtmlReport.render(r)).contains("Supersessions");
    }

    @Test
    void aSupersedingVersionOnAnUncertifiedParentThatDropsARequestAndExplainsNothingIsFlagged() throws Exception {
        AuditFixtures f = AuditFixtures.escalated(root);
        f.replaceVersion(2, b -> b.setParentVersionId("m@v2").setAppliedRequestIds(List.of()).setEscalation(null));
        CheckResult r = new SupersessionCheck().run(f.log());
        assertThat(r.findings()).filteredOn(x -> x.subject().equals("m@v3")).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("built on m@v2, which is not CERTIFIED (REJECTED)"))
                .anyMatch(m -> m.equals("its parent m@v2 is not an ancestor of the superseded m@v2"))
                .anyMatch(m -> m.startsWith("does not re-apply [r1]"))
                .anyMatch(m -> m.startsWith("its escalation text is missing"));
        assertThat(r.findings()).extracting(Finding::line).anyMatch(l -> l.contains("r1: ESCALATING from m@v2, then APPLIED by m@v3, which does not apply it"));
    }

    @Test
    void supersedingACertifiedVersionThatNoRejectionExplainsIsFlagged() throws Exception {
        AuditFixtures f = AuditFixtures.escalated(root);
        f.reports.remove(0);
        f.report(f.versions.get(1), Verdict.CERTIFIED);
        assertThat(new SupersessionCheck().run(f.log()).findings()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("supersedes m@v2 (CERTIFIED), which was not REJECTED"));
    }

    @Test
    void anEscalatingRequestStillWaitingIsAWarningAndBuildingOnASupersededVersionIsAFailure() throws Exception {
        AuditFixtures f = AuditFixtures.escalated(root);
        f.statuses.removeIf(s -> s.getRequestId().equals("r1") && s.getOccurredAt().isAfter(AuditFixtures.T0.plusSeconds(200)));
        f.version("m", 4, ModelVersionKind.UNLEARNED, f.versions.get(1), f.artifact("on the weak one"), List.of(), null);
        CheckResult r = new SupersessionCheck().run(f.log());
        assertThat(r.findings()).filteredOn(x -> x.severity() == Finding.Severity.WARNING).extracting(Finding::message)
                .singleElement().asString().startsWith("pending: ESCALATING since");
        assertThat(r.findings()).filteredOn(x -> x.severity() == Finding.Severity.FAILURE).extracting(Finding::line)
                .containsExactly("[supersession] m@v4: built on m@v2 after m@v3 superseded it: nothing may build on a superseded version");
    }

    @Test
    void theLineageMayStepOverAbandonedVersionsButNotOverALiveOne() throws Exception {
        AuditFixtures f = AuditFixtures.escalated(root);
        assertThat(new LineageCheck().run(f.log()).findings()).isEmpty();
        assertThat(new ExactlyOnceCheck().run(f.log()).failed()).as("r1 in v2 and v3: v2 is superseded").isZero();
        f.replaceVersion(2, b -> b.setSupersedes(List.of()));
        f.reports.remove(0);
        f.report(f.versions.get(1), Verdict.CERTIFIED);
        assertThat(new LineageCheck().run(f.log()).findings()).extracting(Finding::message)
                .containsExactly("parentVersionId is m@v1, but the previous version is m@v2 and [m@v2] between them were neither"
                        + " superseded nor REJECTED");
        assertThat(new ExactlyOnceCheck().run(f.log()).findings()).extracting(Finding::message)
                .containsExactly("applied more than once: by m@v2, m@v3 (exactly one version may apply a request)");
    }

    @Test
    void aVerdictOnTheVersionThatHadAlreadyReappliedAnEscalatingRequestVerifiesButOneOnAnotherVersionIsFlagged() throws Exception {
        AuditFixtures f = AuditFixtures.escalated(root);
        f.statuses.removeIf(s -> s.getRequestId().equals("r1") && s.getState() == io.unlearn.events.RequestState.APPLIED
                && "m@v3".equals(s.getVersionId()));
        assertThat(AllChecks.run(f.log(), Duration.ofMinutes(5)).failures()).as("ESCALATING from m@v2, then VERIFIED by m@v3, which"
                + " supersedes m@v2 and applies r1: the worker had re-applied it before the escalation was announced").isEmpty();

        f.replaceVersion(2, b -> b.setSupersedes(List.of()));
        assertThat(new SupersessionCheck().run(f.log()).findings()).extracting(Finding::line)
                .contains("[supersession] r1: ESCALATING from m@v2, then VERIFIED by m@v3, which does not supersede m@v2");
    }
}
