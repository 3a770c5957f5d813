package io.unlearn.bench.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.bench.harness.CatalogStack;
import io.unlearn.bench.harness.MachineInfo;
import io.unlearn.bench.harness.PipeTimer;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.WorkerConfig;
import io.unlearn.worker.WorkerService;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@code unlearn bench pipeline}: requests published at a steady rate through request-ingest and
 * unlearn-worker (batched, then one request per version), timed from publication to APPLIED.
 *
 * @param stack the fresh local stack it runs on
 * @param dir   its temporary directory (artifacts, state)
 * @param out   where progress goes
 */
public record PipelineBenchmark(LocalStack stack, Path dir, PrintStream out) {

    /** Settings of one run. */
    public record Options(int requests, double ratePerSecond, int unbatchedRequests, int baseEpochs, int batchMaxRequests,
                          long batchMaxWaitMs, String method) {
    }

    /** Installs the contract, imports the Fashion-MNIST catalogue and runs both phases. */
    public PipelineResult run(Options o) throws InterruptedException {
        CatalogStack prepared = CatalogStack.prepare(stack, dir, out);
        SchemaRegistryClient registry = prepared.registry();
        Map<String, Object> common = prepared.common();
        common.put("method", o.method());
        out.printf("training the base CNNs (%d epochs) ...%n", o.baseEpochs());
        BaseModels.trainAndPublish(WorkerConfig.of(common), "bench-cnn", "cnn", o.baseEpochs(), e -> out.println("  " + e), Clock.systemUTC());
        BaseModels.trainAndPublish(WorkerConfig.of(common), "bench-cnn-unbatched", "cnn", o.baseEpochs(), e -> { }, Clock.systemUTC());
        try (IngestService ingest = IngestService.start(IngestConfig.of(prepared.ingestProps(dir)), Clock.systemUTC(),
                Duration.ofSeconds(120))) {
            out.printf("batched: %d requests at %.1f/s (batch ≤ %d requests or %d ms) ...%n", o.requests(), o.ratePerSecond(),
                    o.batchMaxRequests(), o.batchMaxWaitMs());
            PipelineResult.Phase batched = phase(registry, common, "bench-cnn", 0, o.requests(), o.ratePerSecond(),
                    o.batchMaxRequests(), o.batchMaxWaitMs(), "batched");
            out.printf("unbatched: %d requests, one version each ...%n", o.unbatchedRequests());
            PipelineResult.Phase unbatched = phase(registry, common, "bench-cnn-unbatched", o.requests(), o.unbatchedRequests(),
                    Math.min(o.ratePerSecond(), 0.5), 1, 0, "unbatched");
            return new PipelineResult(batched.p50Seconds(), batched.p95Seconds(), batched.requestsPerMinute(), unbatched,
                    batched.requests(), o.ratePerSecond(), "method " + o.method() + ", base CNN " + o.baseEpochs() + " epochs, batch ≤ "
                    + o.batchMaxRequests() + " requests or " + o.batchMaxWaitMs() + " ms", MachineInfo.summary());
        }
    }

    private PipelineResult.Phase phase(SchemaRegistryClient registry, Map<String, Object> common, String model, int first,
                                            int count, double rate, int batchMax, long waitMs, String name) throws InterruptedException {
        Map<String, Object> w = new HashMap<>(common);
        w.put("group.id", "bench-worker-" + name);
        w.put("instance.id", "bench-" + name);
        w.put("batch.max.requests", Integer.toString(batchMax));
        w.put("batch.max.wait.ms", Long.toString(waitMs));
        Serializer<DeletionRequest> serializer = EventSerdes.serde(DeletionRequest.class, registry).serializer();
        byte[][] keys = new byte[count][];
        byte[][] values = new byte[count][];
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            int n = first + i;
            String id = PipeTimer.requestId(n);
            List<String> samples = java.util.stream.IntStream.range(0, 5).mapToObj(k -> String.format("fmnist/train/%06d", 5 * n + k)).toList();
            DeletionRequest r = DeletionRequest.newBuilder().setRequestId(id).setRequester("bench").setSampleIds(samples).setModelId(model)
                    .setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now).setDeadline(now.plus(Duration.ofDays(30))).build();
            keys[i] = id.getBytes(StandardCharsets.UTF_8);
            values[i] = serializer.serialize(Topics.DELETION_REQUESTS.name(), r);
        }
        try (WorkerService worker = WorkerService.start(WorkerConfig.of(w), Clock.systemUTC(), new SimpleMeterRegistry())) {
            if (!worker.awaitReady(Duration.ofSeconds(120))) {
                throw new IllegalStateException("the benchmark's worker did not join its group within 120 s");
            }
            PipeTimer.Run run = new PipeTimer(Map.of("bootstrap.servers", stack.bootstrapServers()), out).throughTopology(
                    Topics.DELETION_REQUESTS.name(), keys, values, first, rate, Topics.REQUEST_STATUS.name(),
                    EventSerdes.serde(RequestStatus.class, registry).deserializer(), s -> s.getState() == RequestState.APPLIED);
            double[] lat = run.latenciesMs();
            Arrays.sort(lat);
            PipelineResult.Phase phase = new PipelineResult.Phase(PipeTimer.percentile(lat, 0.5) / 1000,
                    PipeTimer.percentile(lat, 0.95) / 1000, run.perSecond() * 60, count);
            out.printf("  %s: p50 %.1f s, p95 %.1f s, %.0f requests/min%n", name, phase.p50Seconds(), phase.p95Seconds(), phase.requestsPerMinute());
            return phase;
        }
    }
}
