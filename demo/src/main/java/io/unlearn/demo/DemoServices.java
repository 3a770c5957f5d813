package io.unlearn.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.worker.WorkerConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services of the demo against one cluster, supervised like `restart: unless-stopped`: a service that
 * stopped (a Kafka error ends a worker or evaluator on purpose, so that its restart resumes from the last commit) is
 * started again, at most {@link #MAX_RESTARTS} times each. The worker runs in this JVM or as a child process (so that
 * chaos tests can kill it with SIGKILL).
 */
public final class DemoServices implements AutoCloseable {
    static final int MAX_RESTARTS = 5;
    final IngestService ingest;
    private final Map<String, Object> common;
    private final DemoOptions o;
    private final WorkerHandle worker;
    private volatile EvaluatorService evaluator;
    private int workerRestarts;
    private int evaluatorRestarts;
    private boolean closed;

    private DemoServices(IngestService ingest, WorkerHandle worker, EvaluatorService evaluator, Map<String, Object> common, DemoOptions o) {
        this.ingest = ingest;
        this.worker = worker;
        this.evaluator = evaluator;
        this.common = common;
        this.o = o;
    }

    static DemoServices start(Map<String, Object> common, DemoOptions o, String token) throws InterruptedException {
        Map<String, Object> ingestProps = new HashMap<>();
        ingestProps.put(IngestConfig.BOOTSTRAP_SERVERS, common.get("bootstrap.servers"));
        ingestProps.put(IngestConfig.SCHEMA_REGISTRY_URL, common.get("schema.registry.url"));
        ingestProps.put(IngestConfig.STATE_DIR, o.dir().resolve("stack/ingest-state").toString());
        ingestProps.put(IngestConfig.HTTP_PORT, "0");
        ingestProps.put(IngestConfig.HTTP_TOKENS, "demo=" + token);
        IngestService ingest = IngestService.start(IngestConfig.of(ingestProps), Clock.systemUTC(), Duration.ofSeconds(120));
        WorkerHandle worker = null;
        try {
            Map<String, Object> w = workerProps(common, o);
            worker = WorkerHandle.start(o.weakFirstBatch() ? DemoWeakBatch.workerProps(w) : w, o.workerProcess(), workerLog(o));
            DemoServices services = new DemoServices(ingest, worker, startEvaluator(common, o), common, o);
            if (!worker.awaitReady(Duration.ofSeconds(120)) || !services.evaluator.awaitReady(Duration.ofSeconds(120))) {
                services.close();
                throw new IllegalStateException("the worker or the evaluator did not join its group within 120 s");
            }
            return services;
        } catch (RuntimeException | InterruptedException ex) {
            if (worker != null) {
                worker.close();
            }
            ingest.close();
            throw ex;
        }
    }

    private static EvaluatorService startEvaluator(Map<String, Object> common, DemoOptions o) {
        Map<String, Object> e = new HashMap<>(common);
        e.keySet().removeAll(List.of(WorkerConfig.ARTIFACT_DIR, WorkerConfig.METHOD));
        e.put(EvaluatorConfig.DATA_DIR, o.dir().resolve("evaluator").toString());
        e.put(EvaluatorConfig.INSTANCE_ID, "demo-evaluator");
        return EvaluatorService.start(EvaluatorConfig.of(e), Clock.systemUTC(), new SimpleMeterRegistry());
    }

    static Map<String, Object> workerProps(Map<String, Object> common, DemoOptions o) {
        Map<String, Object> w = new HashMap<>(common);
        w.put(WorkerConfig.METHOD, o.method());
        w.put(WorkerConfig.INSTANCE_ID, "demo-worker");
        w.put(WorkerConfig.BATCH_MAX_REQUESTS, Integer.toString(Math.max(4, o.deletions() / 3)));
        w.put(WorkerConfig.BATCH_MAX_WAIT_MS, "8000");
        w.put(WorkerConfig.CONCEPT_SAE_EPOCHS, "5");
        return w;
    }

    /** Restarts a service that stopped; @return why the demo cannot go on, or null */
    String supervise(PrintStream out) throws InterruptedException {
        if (!worker.isRunning()) {
            if (++workerRestarts > MAX_RESTARTS) {
                return "the worker stopped " + workerRestarts + " times; last: " + worker.failure();
            }
            out.println("  worker stopped (" + worker.failure() + "); restarting it");
            worker.restart();
        }
        if (!evaluator.isRunning()) {
            if (++evaluatorRestarts > MAX_RESTARTS) {
                return "the evaluator stopped " + evaluatorRestarts + " times; last: " + evaluator.failure();
            }
            out.println("  evaluator stopped (" + evaluator.failure() + "); restarting it");
            restartEvaluator();
        }
        return null;
    }

    /** Chaos: SIGKILL to the worker process (only when it runs as one); the supervisor starts it again. */
    public void killWorker() throws InterruptedException {
        worker.kill();
    }

    /** The worker's log, when it runs as a process (chaos tests wait for a batch to start). */
    public java.nio.file.Path workerLog() {
        return workerLog(o);
    }

    /** Next to the demo's own log ({@code <dir>/logs/demo.log}, written by the launcher's logging). */
    static java.nio.file.Path workerLog(DemoOptions o) {
        return o.dir().resolve("logs/worker.log");
    }

    /** Chaos: stops the evaluator and starts a new instance (same instance id: it resumes from the last commit). */
    public void restartEvaluator() {
        evaluator.close();
        evaluator = startEvaluator(common, o);
    }

    public int restarts() {
        return workerRestarts + evaluatorRestarts;
    }

    /**
     * Stops intake first, then the worker (a version under way is published or its transaction aborted), then the
     * evaluator (a report under way is finished); each waits for its current step. Closing twice does nothing more.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ingest.close();
        worker.close();
        evaluator.close();
    }
}
