package io.unlearn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.Audit;
import io.unlearn.audit.AuditOptions;
import io.unlearn.audit.AuditReport;
import io.unlearn.audit.AuditResult;
import io.unlearn.demo.DemoChaos;
import io.unlearn.demo.DemoCluster;
import io.unlearn.demo.DemoOptions;
import io.unlearn.demo.DemoRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The one end-to-end scenario: requests in (the demo's stream: deletions by subject and by samples, re-sends, invalid
 * ones, two concept removals) → versions out, certified by the evaluator → {@link Audit#replay} verifies the whole log
 * (lifecycles, lineage, artifacts, exactly once, reports, excluded samples). Run against any cluster, optionally while
 * something is broken on purpose.
 */
abstract class EndToEndScenario {
    /** Shared by every scenario in this JVM: the small base model is trained once, then reused. */
    static final Path ARTIFACTS = tempDir();

    record Result(DemoRun.DemoOutcome outcome, String demoOutput, AuditResult audit) {
    }

    static Result run(DemoCluster cluster, String modelId, Path dir, boolean workerProcess, DemoChaos chaos) throws Exception {
        DemoOptions o = new DemoOptions(modelId, dir, dir.resolve("report"), 2000, 6, "ft", 1, 4.0, Duration.ofMinutes(6),
                Duration.ofMinutes(2), 3, workerProcess); // the wait ends once the challenges and the escalations they set off are done
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("artifacts"), ARTIFACTS);
        ByteArrayOutputStream demoBytes = new ByteArrayOutputStream();
        PrintStream demoOut = new PrintStream(new TeeStream(demoBytes, System.out), true, StandardCharsets.UTF_8);
        DemoRun.DemoOutcome outcome;
        try (DemoRun run = new DemoRun(o, demoOut, cluster, chaos)) {
            outcome = run.run();
        }
        AuditResult audit = Audit.replay(AuditOptions.custom().setBootstrapServers(cluster.bootstrapServers())
                .setRegistryUrl(cluster.registryUrl()).optModels(List.of(modelId)).optSigners(DemoRun.auditSigners(dir)).build());
        AuditReport.json().write(audit, dir.resolve("audit.json"));
        System.out.println(auditText(audit));
        return new Result(outcome, demoBytes.toString(StandardCharsets.UTF_8), audit);
    }

    static void assertVerified(Result r) {
        assertThat(r.outcome().everyRequestSettled()).as("every request reached a final state or awaits evidence:\n" + r.demoOutput()).isTrue();
        assertThat(r.demoOutput()).contains("CERTIFIED").contains("VERIFIED");
        assertThat(r.demoOutput()).containsPattern("REJECTED\\s+4");
        assertThat(r.outcome().auditVerified()).as("the demo's own audit, while the services ran:\n" + r.demoOutput()).isTrue();
        assertThat(r.audit().verified()).as("audit replay after the services stopped:\n" + auditText(r.audit())).isTrue();
        assertThat(r.outcome().report()).exists();
    }

    private static String auditText(AuditResult audit) {
        return AuditReport.text().render(audit) + "\n" + audit.verdictLine();
    }

    private static Path tempDir() {
        try {
            Path p = Files.createTempDirectory("unlearn-e2e-artifacts");
            p.toFile().deleteOnExit();
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Copies the demo's console to the test log too. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
