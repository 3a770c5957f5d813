package io.unlearn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unlearn.demo.DemoChaos;
import io.unlearn.demo.DemoCluster;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The scenario on the embedded stack (in-process KRaft broker, Apicurio registry): always runs. */
@ExtendWith(LocalStackExtension.class)
class EmbeddedEndToEndIT extends EndToEndScenario {

    @Test
    void requestsInCertifiedVersionsOutAndTheAuditVerifies(LocalStack stack, @TempDir Path dir) throws Exception {
        Result r = run(new DemoCluster(stack.bootstrapServers(), stack.registryUrl(), stack::restartBroker), "e2e-embedded", dir,
                false, DemoChaos.NONE);
        assertVerified(r);
        assertThat(r.demoOutput().lines()).as("the demo's console is its progress and summary: short, without log lines or native warnings")
                .hasSizeLessThan(80).noneMatch(l -> l.contains("WARN") || l.contains("NNPACK") || l.contains("CudaUtils"));
        assertThat(r.demoOutput().strip()).as("the run ends with the summary, the audit and the report paths").endsWith("(verified)");
        String html = java.nio.file.Files.readString(r.outcome().report());
        assertThat(html).contains("<h2>Model versions</h2>").contains("data:image/png;base64,").doesNotContain("http://").doesNotContain("https://");
        assumeTrue(ReportScreenshot.chromiumAvailable(), "chromium is not installed (apt-get install -y chromium; .ci/run does)");
        Path png = ReportScreenshot.take(r.outcome().report(), dir.resolve("report.png"));
        assertThat(png).exists();
        assertThat(ReportScreenshot.distinctColours(png)).as("the rendered page shows charts, not a blank page").isGreaterThan(50);
        String rendered = ReportScreenshot.renderedDom(r.outcome().report());
        assertThat(rendered).as("the verdicts explained, with each version's evidence from its report")
                .contains("id=\"verdicts\"", "id=\"criteria\"", "id=\"evidence\"", "CERTIFIED</dt>", "REJECTED</dt>", "INCONCLUSIVE</dt>",
                        "max.membership.advantage", "membership advantage (loss), lineage, version", "max.ta.drop", "worst-case challenge");
        assertThat(rendered).as("the per-request timeline, every request in the collapsible table")
                .contains("id=\"timeline-selection\"", "id=\"all-requests\"", "ACCEPTED", "BATCHED", "APPLIED", "unknown model");
        assertThat(rendered).as("latency by stage: the table and its stacked chart")
                .contains("id=\"stage-latency\"", "waiting for a batch", "ACCEPTED → BATCHED", "alt=\"latency by stage\"");
        assertThat(rendered).as("the audit linked with its verdict").contains("href=\"audit.html\"").containsPattern("id=\"audit-verdict\"[^>]*>audit verified");
        assertThat(r.outcome().report().resolveSibling("audit.html")).exists();
    }
}
