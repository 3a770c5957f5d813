package io.unlearn.cli.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.worker.WorkerConfig;
import io.unlearn.worker.WorkerService;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The three services of the demo in this JVM, started against the embedded cluster and closed in reverse order. */
final class DemoServices implements AutoCloseable {
    final IngestService ingest;
    final WorkerService worker;
    final EvaluatorService evaluator;

    private DemoServices(IngestService ingest, WorkerService worker, EvaluatorService evaluator) {
        this.ingest = ingest;
        this.worker = worker;
        this.evaluator = evaluator;
    }

    static DemoServices start(Map<String, Object> common, DemoOptions o, String token) throws InterruptedException {
        Map<String, Object> ingestProps = new HashMap<>();
        ingestProps.put(IngestConfig.BOOTSTRAP_SERVERS, common.get("bootstrap.servers"));
        ingestProps.put(IngestConfig.SCHEMA_REGISTRY_URL, common.get("schema.registry.url"));
        ingestProps.put(IngestConfig.STATE_DIR, o.dir().resolve("stack/ingest-state").toString());
        ingestProps.put(IngestConfig.HTTP_PORT, "0");
        ingestProps.put(IngestConfig.HTTP_TOKENS, "demo=" + token);
        IngestService ingest = IngestService.start(IngestConfig.of(ingestProps), Clock.systemUTC(), Duration.ofSeconds(120));
        WorkerService worker = null;
        try {
            worker = WorkerService.start(WorkerConfig.of(workerProps(common, o)), Clock.systemUTC(), new SimpleMeterRegistry());
            Map<String, Object> e = new HashMap<>(common);
            e.keySet().removeAll(java.util.List.of("artifact.dir", "method"));
            e.put(EvaluatorConfig.DATA_DIR, o.dir().resolve("evaluator").toString());
            EvaluatorService evaluator = EvaluatorService.start(EvaluatorConfig.of(e), Clock.systemUTC(), new SimpleMeterRegistry());
            DemoServices services = new DemoServices(ingest, worker, evaluator);
            if (!worker.awaitReady(Duration.ofSeconds(120)) || !evaluator.awaitReady(Duration.ofSeconds(120))) {
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

    static Map<String, Object> workerProps(Map<String, Object> common, DemoOptions o) {
        Map<String, Object> w = new HashMap<>(common);
        w.put(WorkerConfig.METHOD, o.method());
        w.put(WorkerConfig.BATCH_MAX_REQUESTS, Integer.toString(Math.max(4, o.deletions() / 3)));
        w.put(WorkerConfig.BATCH_MAX_WAIT_MS, "8000");
        w.put(WorkerConfig.CONCEPT_SAE_EPOCHS, "5");
        return w;
    }

    /** Why a service stopped on its own, or null while all run. */
    String failure() {
        if (!worker.isRunning()) {
            return "the worker stopped: " + worker.failure();
        }
        if (!evaluator.isRunning()) {
            return "the evaluator stopped: " + evaluator.failure();
        }
        return null;
    }

    @Override
    public void close() {
        evaluator.close();
        worker.close();
        ingest.close();
    }
}
