package io.unlearn.bench.scale;

import io.unlearn.bench.harness.CatalogStack;
import io.unlearn.bench.harness.MachineInfo;
import io.unlearn.bench.harness.PipeTimer;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.runtime.ServiceProcess;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.KeyPartitions;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.WorkerConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@code unlearn bench scale}: for each group size, its own base MLPs, that many unlearn-worker processes in one
 * consumer group, and deletion requests at a steady rate through request-ingest, timed from publication to APPLIED.
 *
 * @param stack the fresh local stack it runs on
 * @param dir   its temporary directory (artifacts, state, the workers' logs)
 * @param out   where progress goes
 */
public record ScaleBenchmark(LocalStack stack, Path dir, PrintStream out) {

    /** Settings of one run. */
    public record Options(List<Integer> workers, int models, int requestsPerModel, double ratePerSecond, int baseEpochs,
                          String method, int datasetLimit, int batchMaxRequests, long batchMaxWaitMs, int threadsPerWorker) {
        String describe() {
            return String.format("%d models × %d requests at %.1f/s, method %s, base MLP %d epoch(s) on %,d samples, batch ≤ %d"
                            + " requests or %d ms, %d intra-op thread(s) per worker", models, requestsPerModel, ratePerSecond, method,
                    baseEpochs, datasetLimit, batchMaxRequests, batchMaxWaitMs, threadsPerWorker);
        }
    }

    /** Installs the contract, imports the catalogue, starts request-ingest and measures every group size in turn. */
    public ScaleResult run(Options o) throws InterruptedException {
        CatalogStack prepared = CatalogStack.prepare(stack, dir, out);
        SchemaRegistryClient registry = prepared.registry();
        Map<String, Object> common = prepared.common();
        common.put("dataset.limit", Integer.toString(o.datasetLimit()));
        List<ScaleResult.Row> rows = new ArrayList<>();
        try (IngestService ingest = IngestService.start(IngestConfig.of(prepared.ingestProps(dir)), Clock.systemUTC(),
                Duration.ofSeconds(120))) {
            int first = 0;
            for (int workers : o.workers()) {
                rows.add(phase(registry, common, o, workers, first));
                first += o.models() * o.requestsPerModel();
            }
        }
        return new ScaleResult(rows, ScaleResult.goal(rows), o.describe(), MachineInfo.summary());
    }

    private ScaleResult.Row phase(SchemaRegistryClient registry, Map<String, Object> common, ScaleBenchmark.Options o, int workers,
                                  int first) throws InterruptedException {
        // ids that fall evenly on the partitions: the benchmark measures scale-out, not hash luck
        List<String> models = KeyPartitions.balanced("scale" + workers + "-m", o.models(), Topics.ACCEPTED_REQUESTS.partitions());
        out.printf("%d worker(s): training %d base MLPs (%d epoch(s)) ...%n", workers, models.size(), o.baseEpochs());
        for (String m : models) {
            BaseModels.trainAndPublish(WorkerConfig.of(common), m, "mlp", o.baseEpochs(), e -> { }, Clock.systemUTC());
        }
        List<ServiceProcess> processes = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                Map<String, Object> w = new HashMap<>(common);
                w.put("group.id", "bench-scale-" + workers);
                w.put("instance.id", "worker-" + i); // distinct transactional ids: the same one would fence the others
                w.put("method", o.method());
                w.put("batch.max.requests", Integer.toString(o.batchMaxRequests()));
                w.put("batch.max.wait.ms", Long.toString(o.batchMaxWaitMs()));
                ServiceProcess p = new ServiceProcess("worker", w, o.threadsPerWorker(),
                        dir.resolve("logs").resolve("scale" + workers + "-worker-" + i + ".log"), "unlearn-worker running").start();
                processes.add(p);
                // one after the other: each join is a rebalance the others must finish before the next one starts
                if (!p.awaitReady(Duration.ofSeconds(180))) {
                    throw new IllegalStateException("worker process " + i + " did not start within 180 s (" + p.failure()
                            + "); its log: " + p.log());
                }
            }
            out.printf("  %d requests at %.1f/s ...%n", models.size() * o.requestsPerModel(), o.ratePerSecond());
            PipeTimer.Run run = time(registry, models, o, first);
            double[] lat = run.latenciesMs();
            Arrays.sort(lat);
            List<String> logs = processes.stream().map(ServiceProcess::logText).toList();
            Set<String> modelSet = new LinkedHashSet<>(models);
            List<Integer> perWorker = logs.stream().map(l -> WorkerLogs.modelsBatched(l, modelSet).size()).toList();
            ScaleResult.Row row = new ScaleResult.Row(workers, models.size(), run.records(), run.perSecond() * 60,
                    PipeTimer.percentile(lat, 0.5) / 1000, PipeTimer.percentile(lat, 0.95) / 1000, WorkerLogs.rebalances(logs), perWorker);
            out.printf("  %d worker(s): %.0f requests/min, p50 %.1f s, p95 %.1f s, %d rebalance(s), models per worker %s%n", workers,
                    row.requestsPerMinute(), row.p50Seconds(), row.p95Seconds(), row.rebalances(), perWorker);
            return row;
        } finally {
            processes.forEach(ServiceProcess::close);
        }
    }

    private PipeTimer.Run time(SchemaRegistryClient registry, List<String> models, Options o, int first) {
        Serializer<DeletionRequest> serializer = EventSerdes.serde(DeletionRequest.class, registry).serializer();
        int count = models.size() * o.requestsPerModel();
        byte[][] keys = new byte[count][];
        byte[][] values = new byte[count][];
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String id = PipeTimer.requestId(first + i);
            int sampleBase = 5 * i; // every phase trains its own models, so the same samples can be asked of each
            List<String> samples = IntStream.range(0, 5).mapToObj(k -> String.format("fmnist/train/%06d", sampleBase + k)).toList();
            DeletionRequest r = DeletionRequest.newBuilder().setRequestId(id).setRequester("bench").setSampleIds(samples)
                    .setModelId(models.get(i % models.size())).setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now)
                    .setDeadline(now.plus(Duration.ofDays(30))).build();
            keys[i] = id.getBytes(StandardCharsets.UTF_8);
            values[i] = serializer.serialize(Topics.DELETION_REQUESTS.name(), r);
        }
        return new PipeTimer(Map.of("bootstrap.servers", stack.bootstrapServers()), out).throughTopology(
                Topics.DELETION_REQUESTS.name(), keys, values, first, o.ratePerSecond(), Topics.REQUEST_STATUS.name(),
                EventSerdes.serde(RequestStatus.class, registry).deserializer(), s -> s.getState() == RequestState.APPLIED);
    }
}
