package io.unlearn.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.runtime.ServiceProcess;
import io.unlearn.worker.WorkerConfig;
import io.unlearn.worker.WorkerService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** unlearn-worker in this JVM, or as a child process running the launcher's own `worker` command (killable). */
final class WorkerHandle implements AutoCloseable {
    private final Map<String, Object> props;
    private final ServiceProcess process;
    private WorkerService inProcess;

    private WorkerHandle(Map<String, Object> props, boolean asProcess, Path log) {
        this.props = props;
        this.process = asProcess ? new ServiceProcess("worker", props, 0, log, "unlearn-worker running") : null;
    }

    static WorkerHandle start(Map<String, Object> props, boolean asProcess, Path log) {
        WorkerHandle h = new WorkerHandle(props, asProcess, log);
        h.launch();
        return h;
    }

    private void launch() {
        if (process == null) {
            inProcess = WorkerService.start(WorkerConfig.of(props), Clock.systemUTC(), new SimpleMeterRegistry());
        } else {
            process.start();
        }
    }

    boolean awaitReady(Duration timeout) throws InterruptedException {
        return process == null ? inProcess.awaitReady(timeout) : process.awaitReady(timeout);
    }

    boolean isRunning() {
        return process == null ? inProcess.isRunning() : process.isAlive();
    }

    String failure() {
        return process == null ? String.valueOf(inProcess.failure()) : "process " + process.failure();
    }

    void restart() throws InterruptedException {
        close();
        launch();
        awaitReady(Duration.ofSeconds(120));
    }

    void kill() throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException("the worker runs in this JVM; start the demo with the worker as a process to kill it");
        }
        process.kill();
    }

    @Override
    public void close() {
        if (process == null) {
            inProcess.close();
        } else {
            process.close();
        }
    }
}
