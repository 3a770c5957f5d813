package io.unlearn.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service (the launcher's {@code worker}, {@code evaluator}, ...) as a child process of this JVM, on this JVM's
 * class path, its output appended to a log file: what the demo, the scale-out benchmark and the chaos tests start
 * several of and kill with SIGKILL. Settings travel as {@code --set key=value}; the child is ready once its log shows
 * the service's ready line (e.g. {@code unlearn-worker running}) after this start.
 * <p>
 * {@code threads} pins the child's intra-op threads (OpenMP and DJL's PyTorch settings; 0 leaves the engine's
 * defaults): processes sharing a small machine then train side by side instead of fighting over every core.
 */
public final class ServiceProcess implements AutoCloseable {
    /**
     * The launcher's main class, run by name: whoever starts children (the {@code unlearn} launcher, the it suite) has
     * it on its class path; naming it keeps the modules that start services free of the launcher.
     */
    public static final String LAUNCHER_MAIN_CLASS = "io.unlearn.cli.UnlearnCommand";

    private final List<String> command;
    private final int threads;
    private final Path log;
    private final String readyLine;
    private Process process;
    private long logOffset;

    /**
     * @param service   the launcher's subcommand, e.g. {@code worker}
     * @param props     the service's settings; {@code bootstrap.servers} and {@code schema.registry.url} are required
     * @param threads   intra-op threads of the child, or 0 for the engine's default
     * @param log       where its stdout and stderr are appended
     * @param readyLine what its log prints once it runs
     */
    public ServiceProcess(String service, Map<String, ?> props, int threads, Path log, String readyLine) {
        if (threads < 0 || props.get("bootstrap.servers") == null || props.get("schema.registry.url") == null) {
            throw new IllegalArgumentException("a service process needs threads >= 1, bootstrap.servers and schema.registry.url");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Dai.djl.offline=true"));
        if (threads > 0) {
            cmd.addAll(List.of("-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1"));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LAUNCHER_MAIN_CLASS, service,
                "--bootstrap-servers", props.get("bootstrap.servers").toString(),
                "--registry-url", props.get("schema.registry.url").toString()));
        props.forEach((k, v) -> {
            if (!k.equals("bootstrap.servers") && !k.equals("schema.registry.url")) {
                cmd.add("--set");
                cmd.add(k + "=" + v);
            }
        });
        this.command = List.copyOf(cmd);
        this.threads = threads;
        this.log = log;
        this.readyLine = readyLine;
    }

    /** Starts the child (again, after {@link #kill} or {@link #close}); its log is appended to. */
    public ServiceProcess start() {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("DJL_OFFLINE", "true");
            if (threads > 0) {
                pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            }
            pb.environment().put("OMP_WAIT_POLICY", "PASSIVE"); // idle OpenMP threads must not spin on a shared machine
            process = pb.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + command.get(command.indexOf(LAUNCHER_MAIN_CLASS) + 1)
                    + " process: " + e.getMessage(), e);
        }
    }

    /** Waits until the log shows the ready line after this start; false on timeout or when the child exited. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            String text = logText();
            if (text.substring((int) Math.min(logOffset, text.length())).contains(readyLine)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Why it is not running, for messages. */
    public String failure() {
        return process == null ? "never started" : process.isAlive() ? "still running" : "exited with " + process.exitValue();
    }

    /** The whole log, every start included ("" before the first line). */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no goodbye to the group, an open transaction left to the broker. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (a clean stop), SIGKILL after 60 s. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
