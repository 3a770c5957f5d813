package io.unlearn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.cli.UnlearnCommand;
import io.unlearn.cli.demo.DemoChaos;
import io.unlearn.cli.demo.DemoCluster;
import io.unlearn.cli.demo.DemoOptions;
import io.unlearn.cli.demo.DemoRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one end-to-end scenario: requests in (the demo's stream: deletions by subject and by samples, re-sends, invalid
 * ones, two concept removals) → versions out, certified by the evaluator → `unlearn audit replay` verifies the whole
 * log (lifecycles, lineage, artifacts, exactly once, reports, excluded samples). Run against any cluster, optionally
 * while something is broken on purpose.
 */
abstract class EndToEndScenario {
    /** Shared by every scenario in this JVM: the small base model is trained once, then reused. */
    static final Path ARTIFACTS = tempDir();

    record Result(DemoRun.DemoOutcome outcome, String demoOutput, int auditExit, String auditOutput) {
    }

    static Result run(DemoCluster cluster, String modelId, Path dir, boolean workerProcess, DemoChaos chaos) throws Exception {
        DemoOptions o = new DemoOptions(modelId, dir, dir.resolve("report"), 2000, 6, "ft", 1, 4.0, Duration.ofMinutes(6),
                Duration.ofSeconds(20), 3, workerProcess);
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("artifacts"), ARTIFACTS);
        ByteArrayOutputStream demoBytes = new ByteArrayOutputStream();
        PrintStream demoOut = new PrintStream(new TeeStream(demoBytes, System.out), true, StandardCharsets.UTF_8);
        DemoRun.DemoOutcome outcome;
        try (DemoRun run = new DemoRun(o, demoOut, cluster, chaos)) {
            outcome = run.run();
        }
        StringWriter audit = new StringWriter();
        var cli = UnlearnCommand.commandLine();
        cli.setOut(new PrintWriter(audit));
        cli.setErr(new PrintWriter(audit));
        PrintStream stdout = System.out;
        ByteArrayOutputStream auditStdout = new ByteArrayOutputStream();
        System.setOut(new PrintStream(auditStdout, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = cli.execute("audit", "replay", "--bootstrap-servers", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(),
                    "--models", modelId, "--out", dir.resolve("audit.json").toString());
        } finally {
            System.setOut(stdout);
        }
        String auditText = auditStdout.toString(StandardCharsets.UTF_8) + audit;
        System.out.println(auditText);
        return new Result(outcome, demoBytes.toString(StandardCharsets.UTF_8), exit, auditText);
    }

    static void assertVerified(Result r) {
        assertThat(r.outcome().everyRequestFinal()).as("every request reached a final state:\n" + r.demoOutput()).isTrue();
        assertThat(r.demoOutput()).contains("CERTIFIED").contains("VERIFIED");
        assertThat(r.demoOutput()).containsPattern("REJECTED\\s+4");
        assertThat(r.outcome().auditVerified()).as("the demo's own audit, while the services ran:\n" + r.demoOutput()).isTrue();
        assertThat(r.auditExit()).as("audit replay after the services stopped:\n" + r.auditOutput()).isZero();
        assertThat(r.outcome().report()).exists();
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
