package io.unlearn.audit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.AuditOptions;
import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import io.unlearn.events.ModelVersionKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCheckTest {
    @TempDir
    Path root;

    @Test
    void everyVersionButBaseHasAReport() throws Exception {
        CheckResult r = new ReportCheck(AuditOptions.DEFAULT_REPORT_GRACE).run(AuditFixtures.consistent(root).log());
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isEqualTo(2);
    }

    @Test
    void aMissingReportIsAFailureNamingTheVersion() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.reports.clear();
        CheckResult r = new ReportCheck(AuditOptions.DEFAULT_REPORT_GRACE).run(f.log());
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo("m@v2");
            assertThat(x.message()).startsWith("version m@v2 has no evaluation report").contains("58m0s before the newest record");
        });
    }

    @Test
    void aVersionPublishedWithinTheGraceIsOnlyWarnedAbout() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.version("m", 3, ModelVersionKind.UNLEARNED, f.versions.get(1), f.artifact("fresh"), List.of(), null);
        f.newest = f.versions.get(2).getCreatedAt().plusSeconds(30);
        CheckResult r = new ReportCheck(Duration.ofMinutes(1)).run(f.log());
        assertThat(r.failed()).isZero();
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(x.message()).startsWith("no evaluation report yet");
        });
        assertThat(new ReportCheck(Duration.ofSeconds(10)).run(f.log()).failed()).isEqualTo(1);
    }
}
