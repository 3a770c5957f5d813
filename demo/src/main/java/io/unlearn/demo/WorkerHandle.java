package io.unlearn.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.worker.WorkerConfig;
import io.unlearn.worker.WorkerService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** unlearn-worker in this JVM, or as a child process running the launcher's own `worker` command (killable). */
final class WorkerHandle implements AutoCloseable {
    /**
     * The launcher's main class, run by name in the child process: whoever runs the demo (the {@code unlearn} launcher,
     * the it suite) has the launcher on its class path; naming the class keeps this module free of the launcher.
     */
    static final String LAUNCHER_MAIN_CLASS = "io.unlearn.cli.UnlearnCommand";

    private final Map<String, Object> props;
    private final boolean asProcess;
    private final Path log;
    private WorkerService inProcess;
    private Process process;
    private long logOffset;

    private WorkerHandle(Map<String, Object> props, boolean asProcess, Path log) {
        this.props = props;
        this.asProcess = asProcess;
        this.log = log;
    }

    static WorkerHandle start(Map<String, Object> props, boolean asProcess, Path log) {
        WorkerHandle h = new WorkerHandle(props, asProcess, log);
        h.launch();
        return h;
    }

    private void launch() {
        if (!asProcess) {
            inProcess = WorkerService.start(WorkerConfig.of(props), Clock.systemUTC(), new SimpleMeterRegistry());
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), LAUNCHER_MAIN_CLASS, "worker",
                "--bootstrap-servers", props.get("bootstrap.servers").toString(), "--registry-url", props.get("schema.registry.url").toString()));
        props.forEach((k, v) -> {
            if (!k.equals("bootstrap.servers") && !k.equals("schema.registry.url")) {
                cmd.add("--set");
                cmd.add(k + "=" + v);
            }
        });
        try {
            Files.createDirectories(log.getParent());
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("DJL_OFFLINE", "true");
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the worker process: " + e.getMessage(), e);
        }
    }

    boolean awaitReady(Duration timeout) throws InterruptedException {
        if (!asProcess) {
            return inProcess.awaitReady(timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            String text = readLog();
            if (text.substring((int) Math.min(logOffset, text.length())).contains("unlearn-worker running")) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    boolean isRunning() {
        return asProcess ? process.isAlive() : inProcess.isRunning();
    }

    String failure() {
        return asProcess ? "process exited with " + (process.isAlive() ? "nothing" : process.exitValue()) : String.valueOf(inProcess.failure());
    }

    void restart() throws InterruptedException {
        close();
        launch();
        awaitReady(Duration.ofSeconds(120));
    }

    void kill() throws InterruptedException {
        if (!asProcess) {
            throw new IllegalStateException("the worker runs in this JVM; start the demo with the worker as a process to kill it");
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (asProcess) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        } else {
            inProcess.close();
        }
    }
}
