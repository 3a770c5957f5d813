package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "services one by one", each command a process of its own and in the README's order: the stack (with
 * its event contract, as {@code unlearn stack up} installs it), {@code unlearn ingest}, {@code unlearn worker},
 * {@code unlearn evaluator}, and only then {@code models train}, {@code catalog import} and {@code request delete
 * --wait}, which must end AWAITING_EVIDENCE (one subject is too few samples for the evaluator to decide): the running services follow the BASE version published after they started. On
 * the way, a second worker started on the first one's metrics port must exit at once with one line, without joining
 * the group. Small data (the same {@code dataset.limit} everywhere, one training epoch, a subject inside it) and unique
 * group, instance and model ids, as the stack is shared by the module's ITs; every process is killed at the end.
 */
@ExtendWith(LocalStackExtension.class)
class ReadmeFlowIT {
    private static final int SAMPLES = 2000;
    /** 60 consecutive samples per subject: subject 10 owns samples 600..659, inside the first {@link #SAMPLES}. */
    private static final String SUBJECT = "fmnist/train/subject-00010";
    private static final Duration SERVICE_START = Duration.ofSeconds(180);
    /** Each process's output, kept after the run. */
    private static final Path LOG_DIR = Path.of("target", "readme-flow");
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void theServicesStartedFirstServeTheModelTrainedAfterThemAndTheDeletionEndsVerified(LocalStack stack, @TempDir Path dir)
            throws Exception {
        EventContract.install(Map.of("bootstrap.servers", stack.bootstrapServers()), SchemaRegistryClient.create(stack.registryUrl()));
        String id = UUID.randomUUID().toString().substring(0, 8);
        String model = "readme-" + id + "-cnn";
        String artifacts = "artifact.dir=" + dir.resolve("artifacts");
        String limit = "dataset.limit=" + SAMPLES;
        String[] worker = {"worker", "--metrics-port", "0", "--set", artifacts, "--set", limit, "--set", "group.id=readme-worker-" + id,
                "--set", "instance.id=worker-1", "--set", "batch.max.wait.ms=2000"};

        Run keys = run("keys-generate", Duration.ofMinutes(2), "keys", "generate", "--out", dir.resolve("keys").toString(), "--name", "readme");
        assertThat(keys.exitCode()).as(keys.output()).isZero();
        Files.createDirectories(dir.resolve("requester-keys"));
        Files.copy(dir.resolve("keys/readme.pub"), dir.resolve("requester-keys/readme.pub"));
        Path ingestLog = start("ingest", cluster(stack, "ingest", "--set", "application.id=readme-ingest-" + id,
                "--set", "state.dir=" + dir.resolve("ingest-state"), "--set", "http.port=0",
                "--set", "signing.public.keys.dir=" + dir.resolve("requester-keys")));
        awaitLine(ingestLog, "request-ingest running", SERVICE_START);
        Path workerLog = start("worker", cluster(stack, worker));
        String metricsPort = awaitLine(workerLog, "unlearn-worker running", SERVICE_START)
                .lines().map(Pattern.compile("^metrics=http://127\\.0\\.0\\.1:(\\d+)/metrics$")::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no metrics line in " + workerLog));
        Path evaluatorLog = start("evaluator", cluster(stack, "evaluator", "--metrics-port", "0",
                "--set", "data.dir=" + dir.resolve("evaluator"), "--set", limit, "--set", "group.id=readme-evaluator-" + id,
                "--set", "instance.id=evaluator-1", "--set", "challenge.enabled=false"));
        awaitLine(evaluatorLog, "evaluator running", SERVICE_START);

        String[] secondWorker = worker.clone();
        secondWorker[2] = metricsPort;
        Run clash = run("worker-again", Duration.ofSeconds(120), cluster(stack, secondWorker));
        assertThat(clash.exitCode()).as("a worker on a held metrics port exits:\n" + clash.output()).isEqualTo(1);
        assertThat(clash.output()).contains("unlearn worker: cannot serve metrics on 127.0.0.1:" + metricsPort)
                .doesNotContain("unlearn-worker started");

        Run trained = run("models-train", Duration.ofMinutes(6), cluster(stack, "models", "train", "--model", model, "--epochs", "1",
                "--set", artifacts, "--set", limit));
        assertThat(trained.output()).as(trained.output()).contains("published " + model + "@v1");
        Run imported = run("catalog-import", Duration.ofMinutes(3), cluster(stack, "catalog", "import", "--limit", Integer.toString(SAMPLES)));
        assertThat(imported.output()).as(imported.output()).contains("imported " + SAMPLES + " samples");
        Run unsigned = run("request-unsigned", Duration.ofMinutes(3), cluster(stack, "request", "delete", "--subject", SUBJECT,
                "--model", model, "--requester", "readme", "--request-id", "readme-" + id + "-unsigned", "--wait", "PT2M"));
        assertThat(unsigned.output()).as(unsigned.output()).contains("REJECTED").contains("has an Ed25519 public key configured");
        Run deleted = run("request-delete", Duration.ofMinutes(6), cluster(stack, "request", "delete", "--subject", SUBJECT,
                "--model", model, "--requester", "readme", "--sign-key", dir.resolve("keys/readme.key").toString(),
                "--request-id", "readme-" + id + "-delete", "--wait", "PT5M"));

        // One subject's 60 samples cannot decide the forgetting evidence (its 95% interval is wider than ±10 points), so the
        // evaluator says so and the request waits for later versions of the model; --wait stops there.
        assertThat(deleted.output()).as(deleted.output() + logTails())
                .contains("ACCEPTED by request-ingest").contains("APPLIED by unlearn-worker").contains("AWAITING_EVIDENCE by evaluator")
                .contains("would decide").contains("(awaiting evidence:").doesNotContain("FAILED");
        assertThat(Files.readString(workerLog)).as("the worker saw the BASE version published after it started")
                .contains(model + "@v2").doesNotContain("has no published version");
        Run audit = run("audit-replay", Duration.ofMinutes(3), cluster(stack, "audit", "replay", "--models", model,
                "--worker-keys", dir.resolve("artifacts/signing/worker.pub").toString(),
                "--evaluator-keys", dir.resolve("evaluator/signing/evaluator.pub").toString()));
        assertThat(audit.output()).as("every version and report signed by the keys the services generated:\n" + audit.output())
                .containsPattern("signatures\\s+(\\d+)\\s+\\1\\s+0\\s+0\\s").doesNotContain("[signatures]");
        assertThat(processes).as("the services still run").allMatch(Process::isAlive);
    }

    @AfterEach
    void killAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String[] cluster(LocalStack stack, String... args) {
        List<String> out = new ArrayList<>(List.of(args));
        out.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(), "--registry-url", stack.registryUrl()));
        return out.toArray(String[]::new);
    }

    /** What one command printed, stdout and stderr together, and how it ended. */
    private record Run(int exitCode, String output) {
    }

    /** Runs one command to its end, as a process of its own. */
    private Run run(String name, Duration timeout, String... args) throws Exception {
        Path log = logFile(name);
        Process p = launch(log, args);
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("`unlearn " + String.join(" ", args) + "` did not end within " + timeout + ":\n"
                    + Files.readString(log) + logTails());
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    /** Starts a service as a process of its own; it runs until the test ends. */
    private Path start(String name, String... args) throws IOException {
        Path log = logFile(name);
        processes.add(launch(log, args));
        return log;
    }

    private Path logFile(String name) throws IOException {
        Path log = Files.createDirectories(LOG_DIR).resolve(name + ".log");
        logs.add(log);
        return log;
    }

    private static Process launch(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=2", "-cp", System.getProperty("java.class.path"),
                UnlearnCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DJL_OFFLINE", "true");
        return pb.start();
    }

    /** Waits for a line of a service's output; @return the output so far */
    private String awaitLine(Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.readString(log);
            if (out.contains(text)) {
                return out;
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new AssertionError("a service ended before printing '" + text + "':" + logTails());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' within " + timeout + ":" + logTails());
    }

    private String logTails() {
        StringBuilder out = new StringBuilder();
        for (Path log : logs) {
            try {
                String text = Files.readString(log);
                out.append("\n--- ").append(log.getFileName()).append(" (last 4000 chars)\n")
                        .append(text.substring(Math.max(0, text.length() - 4000)));
            } catch (IOException e) {
                out.append("\n--- ").append(log).append(": ").append(e.getMessage());
            }
        }
        return out.toString();
    }
}
