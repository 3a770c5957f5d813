package io.unlearn.bench.ingest;

import io.unlearn.bench.harness.MachineInfo;
import io.unlearn.bench.harness.PipeTimer;
import io.unlearn.bench.ingest.IngestPhases.Phase;
import io.unlearn.events.DatasetSplit;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.SampleRecord;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.TopicProvisioner;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code unlearn bench ingest}: requests per second through the whole exactly-once ingest topology, through a
 * minimal exactly-once topology with the same reads and writes and no logic ({@link MinimalIngestTopology}, the
 * ceiling), and through a plain producer→consumer pipe on the same broker and payloads; then produce→ACCEPTED
 * latency. The three are measured in rounds, interleaved (the minimal one first in even rounds, the real one first
 * in odd ones), each topology a fresh application placed at the end of the shared topics; the medians are reported,
 * with the CPU time per request of each topology's threads, which a shared machine skews less than the rates.
 */
public final class IngestBenchmark {
    private static final int SAMPLES = 10_000;
    private final LocalStack stack;
    private final PrintStream out;

    public IngestBenchmark(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    public IngestResult run(int requests, int rounds, int streamThreads, long commitIntervalMs, Path stateDir) throws Exception {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
        EventContract.install(client, registry);
        Topic<byte[], byte[]> raw = Topic.bytes("bench.raw.pipe").setDoc("raw pipe baseline of unlearn bench ingest")
                .setKeyDoc("requestId").build();
        try (Admin admin = Admin.create(client)) {
            new TopicProvisioner(admin, TopicProvisioner.DEFAULT_TIMEOUT).provision(List.of(raw));
            out.println("seeding the catalogue (" + SAMPLES + " samples) and a model version ...");
            seedCatalogue(registry);
            IngestWorkload work = IngestWorkload.encode(requests, Math.max(1000, requests / 10), SAMPLES,
                    EventSerdes.serde(DeletionRequest.class, registry).serializer());
            IngestPhases phases = new IngestPhases(admin, registry, IngestPhases.settings(stack.bootstrapServers(),
                    stack.registryUrl(), streamThreads, commitIntervalMs, stateDir),
                    EventSerdes.serde(RequestStatus.class, registry).deserializer(), out);
            String run = Long.toString(System.currentTimeMillis());
            IngestWorkload warm = work.firstOf(Math.max(1000, requests / 5));
            out.printf("warm-up (untimed, so that no timed phase pays for compiling the code): %,d requests through each topology ...%n",
                    warm.burst());
            phases.minimal(run + "-warm-up", warm);
            phases.ingest(run + "-warm-up", warm, null);
            double[] pipe = new double[rounds];
            Phase[] minimal = new Phase[rounds];
            Phase[] ingest = new Phase[rounds];
            PipeTimer.Run[] steady = new PipeTimer.Run[1];
            for (int r = 0; r < rounds; r++) {
                out.printf("round %d of %d — raw pipe: %,d records producer → consumer ...%n", r + 1, rounds, requests);
                pipe[r] = new PipeTimer(client, out).rawPipe(raw.name(), work.burstKeys(), work.burstValues()).perSecond();
                out.printf("  %,.0f records/s%n", pipe[r]);
                String name = run + "-r" + r;
                for (boolean minimalNow : r % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    if (minimalNow) {
                        out.printf("  minimal exactly-once topology (same reads and writes, no logic): %,d requests ...%n", requests);
                        minimal[r] = phases.minimal(name, work);
                    } else {
                        out.printf("  ingest topology: %,d deletion requests ...%n", requests);
                        ingest[r] = phases.ingest(name, work, r == rounds - 1 ? steady : null);
                    }
                }
            }
            double[] latencies = steady[0].latenciesMs();
            Arrays.sort(latencies);
            double real = median(Phase.rates(ingest));
            double ceiling = median(Phase.rates(minimal));
            IngestResult result = new IngestResult(requests, real, median(pipe), real / median(pipe),
                    PipeTimer.percentile(latencies, 0.50), PipeTimer.percentile(latencies, 0.99), streamThreads,
                    MachineInfo.summary(), ceiling, real / ceiling, rounds, median(Phase.appCpu(ingest)),
                    median(Phase.appCpu(minimal)));
            out.printf("ingest %,.0f req/s, minimal topology %,.0f req/s (%.0f%%), raw pipe %,.0f rec/s (%.0f%%), p50 %.0f ms,"
                            + " p99 %.0f ms; CPU per request in the topology's threads: ingest %.0f µs, minimal %.0f µs"
                            + " (medians of %d rounds)%n", result.ingestPerSecond(), result.minimalPerSecond(),
                    100 * result.minimalRatio(), result.rawPipePerSecond(), 100 * result.ratio(), result.p50Ms(), result.p99Ms(),
                    result.ingestCpuUsPerRequest(), result.minimalCpuUsPerRequest(), rounds);
            return result;
        }
    }

    /** The middle value (the mean of the two middle ones for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private void seedCatalogue(SchemaRegistryClient registry) {
        PipeTimer.produceAll(stack.bootstrapServers(), Topics.SAMPLES.name(), EventSerdes.serde(SampleRecord.class, registry).serializer(),
                IntStream.range(0, SAMPLES).mapToObj(i -> SampleRecord.newBuilder()
                        .setSampleId(IngestWorkload.sampleId(i)).setDatasetId("bench").setSplit(DatasetSplit.TRAIN)
                        .setSubjectId("bench-subject-" + i / 10).setLabel("c" + i % 10).setRegisteredAt(Instant.now()).build())
                        .map(s -> Map.entry(s.getSampleId(), s)).toList());
        ModelVersion v1 = ModelVersion.newBuilder().setModelId(IngestWorkload.MODEL).setVersion(1).setVersionId(IngestWorkload.MODEL + "@v1")
                .setKind(ModelVersionKind.BASE).setMethod("none").setArtifactUri("file:/none").setArtifactSha256("0".repeat(64))
                .setLineageHash("1".repeat(64)).setCreatedAt(Instant.now()).build();
        PipeTimer.produceAll(stack.bootstrapServers(), Topics.MODEL_VERSIONS.name(),
                EventSerdes.serde(ModelVersion.class, registry).serializer(), List.of(Map.entry(IngestWorkload.MODEL, v1)));
    }
}
