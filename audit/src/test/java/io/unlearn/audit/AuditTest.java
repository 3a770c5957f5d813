package io.unlearn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.audit.internals.AuditFixtures;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTest {
    @TempDir
    Path root;

    @Test
    void aConsistentHistoryVerifiesAndEveryViewSaysSo() throws Exception {
        AuditResult r = Audit.verify(AuditFixtures.consistent(root).log(), Duration.ofMinutes(10));
        assertThat(r.verified()).isTrue();
        assertThat(r.requests()).containsOnlyKeys(RequestState.VERIFIED, RequestState.REJECTED);
        assertThat(r.versions()).extracting(AuditResult.VersionSummary::verdict).containsExactly("-", "CERTIFIED");
        String text = AuditReport.text().render(r);
        assertThat(text).contains("lineage").contains("REJECTED r2: unknown sample ids [x]").contains("Failures (0): none");
        assertThat(r.verdictLine()).startsWith("audit verified");
        Path json = root.resolve("audit.json");
        AuditReport.json().write(r, json);
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.get("verified").asBoolean()).isTrue();
        assertThat(tree.get("checks")).hasSize(11);
        assertThat(tree.get("versions").get(1).get("verdict").asText()).isEqualTo("CERTIFIED");
        assertThat(tree.get("requests").get("VERIFIED").get(0).get("requestId").asText()).isEqualTo("r1");
        assertThat(AuditReport.html().render(r)).contains("<table>").contains("m@v2").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<script").doesNotContain("<link");
    }

    @Test
    void tamperingFailsTheAuditAndEveryViewNamesIt() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.replaceVersion(1, b -> b.setAppliedRequestIds(List.of()));
        f.report(f.versions.get(1), Verdict.REJECTED);
        f.version("m", 3, ModelVersionKind.UNLEARNED, f.versions.get(1), f.artifact("v3"), List.of(), null);
        AuditResult r = Audit.verify(f.log(), Duration.ofMinutes(10));
        assertThat(r.verified()).isFalse();
        assertThat(r.failures()).extracting(Finding::line).anyMatch(l -> l.startsWith("[lineage] m@v2: forged or altered version event m@v2"))
                .anyMatch(l -> l.startsWith("[reports] m@v3: version m@v3 has no evaluation report"));
        assertThat(r.verdictLine()).startsWith("audit FAILED: ").contains("lineage").contains("reports");
        assertThat(AuditReport.text().render(r)).contains("forged or altered version event m@v2");
        assertThat(AuditReport.html().render(r)).contains("forged or altered version event m@v2").contains("class=\"bad\"");
        Path json = root.resolve("audit.json");
        AuditReport.json().write(r, json);
        assertThat(Files.readString(json)).contains("\"severity\" : \"FAILURE\"").contains("\"verdict\" : \"REJECTED\"");
    }

    @Test
    void forModelsKeepsOnlyTheSelectedModelsAndTheirRequests() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.statuses.add(AuditFixtures.status("other-r", "other", RequestState.RECEIVED, AuditFixtures.T0, null));
        AuditLog only = f.log().forModels(id -> id.equals("other"));
        assertThat(only.versions()).isEmpty();
        assertThat(only.statuses()).extracting(s -> s.getRequestId()).containsExactly("other-r");
        assertThat(f.log().forModels("m"::equals).statuses()).hasSize(7);
    }
}
