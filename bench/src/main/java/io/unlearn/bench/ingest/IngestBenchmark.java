package io.unlearn.bench.ingest;

import io.unlearn.bench.harness.MachineInfo;
import io.unlearn.bench.harness.PipeTimer;
import io.unlearn.events.DatasetSplit;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.SampleRecord;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.TopicProvisioner;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@code unlearn bench ingest}: requests per second through the whole exactly-once ingest topology versus
 * a plain producer→consumer pipe on the same broker and payloads, and produce→ACCEPTED latency.
 * Runs on the stack it is given (a fresh one from the command); prints progress and a summary.
 */
public final class IngestBenchmark {
    private static final int SAMPLES = 10_000;
    private final LocalStack stack;
    private final PrintStream out;

    public IngestBenchmark(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    public IngestResult run(int requests, int streamThreads, long commitIntervalMs, java.nio.file.Path stateDir) {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
        EventContract.install(client, registry);
        Topic<byte[], byte[]> raw = Topic.bytes("bench.raw.pipe").setDoc("raw pipe baseline of unlearn bench ingest")
                .setKeyDoc("requestId").build();
        try (Admin admin = Admin.create(client)) {
            new TopicProvisioner(admin, TopicProvisioner.DEFAULT_TIMEOUT).provision(List.of(raw));
        }
        out.println("seeding the catalogue (" + SAMPLES + " samples) and a model version ...");
        seedCatalogue(registry);
        Serializer<DeletionRequest> serializer = EventSerdes.serde(DeletionRequest.class, registry).serializer();
        int paced = Math.max(1000, requests / 10);
        byte[][] keys = new byte[requests + paced][];
        byte[][] values = new byte[requests + paced][];
        Instant now = Instant.now();
        for (int i = 0; i < requests + paced; i++) {
            String id = PipeTimer.requestId(i);
            DeletionRequest r = DeletionRequest.newBuilder().setRequestId(id).setRequester("bench")
                    .setSampleIds(List.of(String.format("bench-s%05d", i % SAMPLES))).setModelId("bench-model")
                    .setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now).setDeadline(now.plus(Duration.ofDays(30))).build();
            keys[i] = id.getBytes(StandardCharsets.UTF_8);
            values[i] = serializer.serialize(Topics.DELETION_REQUESTS.name(), r);
        }

        out.printf("raw pipe: %,d records producer → consumer ...%n", requests);
        byte[][] burstKeys = Arrays.copyOf(keys, requests);
        byte[][] burstValues = Arrays.copyOf(values, requests);
        PipeTimer.Run pipe = new PipeTimer(client, out).rawPipe(raw.name(), burstKeys, burstValues);
        out.printf("  %,.0f records/s%n", pipe.perSecond());

        out.printf("ingest: %,d deletion requests through the exactly-once topology ...%n", requests);
        Map<String, Object> props = new HashMap<>(client);
        props.put("schema.registry.url", stack.registryUrl());
        props.put("application.id", "bench-ingest-" + System.currentTimeMillis());
        props.put("state.dir", stateDir.toString());
        props.put("num.stream.threads", Integer.toString(streamThreads));
        props.put("http.enabled", "false");
        props.put(IngestConfig.COMMIT_INTERVAL_MS, Long.toString(commitIntervalMs));
        PipeTimer.Run ingest;
        PipeTimer.Run steady;
        var statuses = EventSerdes.serde(RequestStatus.class, registry).deserializer();
        try (IngestService service = IngestService.start(IngestConfig.of(props), Clock.systemUTC(), Duration.ofSeconds(120))) {
            ingest = new PipeTimer(client, out).throughTopology(Topics.DELETION_REQUESTS.name(), burstKeys, burstValues, 0, 0,
                    Topics.REQUEST_STATUS.name(), statuses, s -> s.getState() == RequestState.ACCEPTED);
            out.printf("  %,.0f requests/s%n", ingest.perSecond());
            double rate = Math.max(100, Math.floor(ingest.perSecond() / 2));
            out.printf("latency: %,d requests paced at %,.0f/s (half the measured rate) ...%n", paced, rate);
            steady = new PipeTimer(client, out).throughTopology(Topics.DELETION_REQUESTS.name(),
                    Arrays.copyOfRange(keys, requests, requests + paced), Arrays.copyOfRange(values, requests, requests + paced),
                    requests, rate, Topics.REQUEST_STATUS.name(), statuses, s -> s.getState() == RequestState.ACCEPTED);
        }
        double[] latencies = steady.latenciesMs();
        Arrays.sort(latencies);
        IngestResult result = new IngestResult(requests, ingest.perSecond(), pipe.perSecond(),
                ingest.perSecond() / pipe.perSecond(), PipeTimer.percentile(latencies, 0.50), PipeTimer.percentile(latencies, 0.99),
                streamThreads, MachineInfo.summary());
        out.printf("ingest %,.0f req/s, raw pipe %,.0f rec/s, ratio %.2f, p50 %.0f ms, p99 %.0f ms%n",
                result.ingestPerSecond(), result.rawPipePerSecond(), result.ratio(), result.p50Ms(), result.p99Ms());
        return result;
    }

    private void seedCatalogue(SchemaRegistryClient registry) {
        PipeTimer.produceAll(stack.bootstrapServers(), Topics.SAMPLES.name(), EventSerdes.serde(SampleRecord.class, registry).serializer(),
                java.util.stream.IntStream.range(0, SAMPLES).mapToObj(i -> SampleRecord.newBuilder()
                        .setSampleId(String.format("bench-s%05d", i)).setDatasetId("bench").setSplit(DatasetSplit.TRAIN)
                        .setSubjectId("bench-subject-" + i / 10).setLabel("c" + i % 10).setRegisteredAt(Instant.now()).build())
                        .map(s -> Map.entry(s.getSampleId(), s)).toList());
        ModelVersion v1 = ModelVersion.newBuilder().setModelId("bench-model").setVersion(1).setVersionId("bench-model@v1")
                .setKind(ModelVersionKind.BASE).setMethod("none").setArtifactUri("file:/none").setArtifactSha256("0".repeat(64))
                .setLineageHash("1".repeat(64)).setCreatedAt(Instant.now()).build();
        PipeTimer.produceAll(stack.bootstrapServers(), Topics.MODEL_VERSIONS.name(),
                EventSerdes.serde(ModelVersion.class, registry).serializer(), List.of(Map.entry("bench-model", v1)));
    }
}
