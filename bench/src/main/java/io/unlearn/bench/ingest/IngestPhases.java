package io.unlearn.bench.ingest;

import io.unlearn.bench.harness.PipeTimer;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The timed phases of {@code unlearn bench ingest} on one stack: a burst through the minimal topology or through
 * the real ingest topology, each a fresh application (its own application id, placed at the end of the shared
 * topics, under the same Streams settings), timed from the first send to the last ACCEPTED status, with the CPU
 * time per request of the application's threads and of the whole process.
 */
final class IngestPhases {
    private static final Duration READY = Duration.ofSeconds(120);
    private static final List<String> INPUTS = List.of(Topics.DELETION_REQUESTS.name(), Topics.CONCEPT_REQUESTS.name(),
            Topics.REQUEST_STATUS.name());

    /** One timed burst: its rate and CPU time per request (the topology's own threads; the whole process). */
    record Phase(double perSecond, double appCpuUs, double processCpuUs) {
        static double[] rates(Phase[] phases) {
            return Arrays.stream(phases).mapToDouble(Phase::perSecond).toArray();
        }

        static double[] appCpu(Phase[] phases) {
            return Arrays.stream(phases).mapToDouble(Phase::appCpuUs).toArray();
        }
    }

    private final Admin admin;
    private final SchemaRegistryClient registry;
    private final Map<String, Object> client;
    private final Map<String, Object> settings;
    private final Deserializer<RequestStatus> statuses;
    private final PrintStream out;

    /** @param settings the ingest settings every phase shares (cluster, registry, threads, commit interval, state dir) */
    IngestPhases(Admin admin, SchemaRegistryClient registry, Map<String, Object> settings, Deserializer<RequestStatus> statuses,
                 PrintStream out) {
        this.admin = admin;
        this.registry = registry;
        this.client = Map.of("bootstrap.servers", settings.get("bootstrap.servers"));
        this.settings = settings;
        this.statuses = statuses;
        this.out = out;
    }

    /** Ingest settings for a test instance: no HTTP API, the given cluster, threads, commit interval and state dir. */
    static Map<String, Object> settings(String bootstrap, String registryUrl, int streamThreads, long commitIntervalMs, Path stateDir) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("schema.registry.url", registryUrl);
        props.put("state.dir", stateDir.toString());
        props.put(IngestConfig.STREAM_THREADS, Integer.toString(streamThreads));
        props.put(IngestConfig.COMMIT_INTERVAL_MS, Long.toString(commitIntervalMs));
        props.put(IngestConfig.HTTP_ENABLED, "false");
        return props;
    }

    /** The burst through the minimal topology. */
    Phase minimal(String name, IngestWorkload work) throws InterruptedException {
        IngestConfig config = config("bench-minimal-" + name);
        try (MinimalIngest ceiling = MinimalIngest.start(config, registry, READY)) {
            return timed(config, work.burst(), () -> burst(work));
        }
    }

    /** The burst through the ingest topology, then, when {@code latency} is wanted, the paced tail on the same instance. */
    Phase ingest(String name, IngestWorkload work, PipeTimer.Run[] latency) throws InterruptedException {
        IngestConfig config = config("bench-ingest-" + name);
        try (IngestService service = IngestService.start(config, Clock.systemUTC(), READY)) {
            Phase phase = timed(config, work.burst(), () -> burst(work));
            if (latency != null) {
                double rate = Math.max(100, Math.floor(phase.perSecond() / 2));
                out.printf("latency: %,d requests paced at %,.0f/s (half the measured rate) ...%n", work.pacedKeys().length, rate);
                latency[0] = new PipeTimer(client, out).throughTopology(Topics.DELETION_REQUESTS.name(), work.pacedKeys(),
                        work.pacedValues(), work.burst(), rate, Topics.REQUEST_STATUS.name(), statuses, IngestPhases::accepted);
            }
            return phase;
        }
    }

    private Phase timed(IngestConfig config, int requests, Supplier<PipeTimer.Run> burst) {
        AppCpu cpu = AppCpu.start(config.getString(IngestConfig.APPLICATION_ID));
        double perSecond = burst.get().perSecond();
        Phase phase = new Phase(perSecond, cpu.appMicrosPer(requests), cpu.processMicrosPer(requests));
        out.printf("  %,.0f requests/s; CPU per request: %.0f µs in the topology's threads, %.0f µs in the whole process%n",
                phase.perSecond(), phase.appCpuUs(), phase.processCpuUs());
        return phase;
    }

    private PipeTimer.Run burst(IngestWorkload work) {
        return new PipeTimer(client, out).throughTopology(Topics.DELETION_REQUESTS.name(), work.burstKeys(), work.burstValues(),
                0, 0, Topics.REQUEST_STATUS.name(), statuses, IngestPhases::accepted);
    }

    private static boolean accepted(RequestStatus status) {
        return status.getState() == RequestState.ACCEPTED;
    }

    private IngestConfig config(String applicationId) throws InterruptedException {
        GroupStart.atEnd(admin, applicationId, INPUTS);
        Map<String, Object> props = new HashMap<>(settings);
        props.put(IngestConfig.APPLICATION_ID, applicationId);
        return IngestConfig.of(props);
    }
}
