package io.unlearn.ingest;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.ingest.internals.BadDataDeadLetterHandler;
import io.unlearn.ingest.internals.KafkaRequestPublisher;
import io.unlearn.ingest.internals.StoreStatusLookup;
import io.unlearn.ingest.internals.http.HttpSettings;
import io.unlearn.ingest.internals.http.IngestHttpServer;
import io.unlearn.schemas.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-ingest service: the exactly-once Streams topology of {@link IngestTopology}, the request
 * publisher and status lookup, and the HTTP API over them ({@link IngestHttpServer}, when {@code http.enabled}).
 * {@link #start} returns once Streams is RUNNING; {@link #close} stops everything, the HTTP API first. A
 * failing stream thread (e.g. the registry unreachable) is logged and replaced, and its records are retried
 * from the last commit.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final PrometheusMeterRegistry meters;
    private final KafkaRequestPublisher publisher;
    private final IngestHttpServer http;
    private final KafkaStreams streams;
    private final StatusLookup statusLookup;

    private IngestService(IngestConfig config, Clock clock) {
        this.config = config;
        this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SchemaRegistryClient registry = config.registry();
        this.publisher = new KafkaRequestPublisher(config.kafkaClientProps(), registry);
        // The HTTP socket is bound before Streams is built so that the advertised application.server carries the
        // real port (http.port=0 picks one); the server reaches the lookup and the state through this object.
        this.http = config.getBoolean(IngestConfig.HTTP_ENABLED)
                ? new IngestHttpServer(HttpSettings.from(config), publisher, this::findStatus, this::stateName, meters, clock)
                : null;
        HostInfo self = new HostInfo(config.advertisedHost(), http != null ? http.port() : config.getInt(IngestConfig.HTTP_PORT));
        try {
            this.streams = new KafkaStreams(IngestTopology.build(config.rules(), registry, clock, meters), streamsProps(config, self));
        } catch (RuntimeException e) {
            closeHttpAndPublisher();
            throw e;
        }
        this.streams.setUncaughtExceptionHandler(e -> {
            log.error("A request-ingest stream thread failed; replacing it, its records will be retried from the last commit", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        new KafkaStreamsMetrics(streams).bindTo(meters);
        this.statusLookup = new StoreStatusLookup(streams, self);
    }

    /**
     * Binds the HTTP API (when {@code http.enabled}), starts the topology, advertising the API's bound
     * {@code host:port} to the group for status lookups, and waits until it runs.
     *
     * @throws IngestException when the HTTP port cannot be bound or Streams is not RUNNING within {@code readyTimeout}
     */
    public static IngestService start(IngestConfig config, Clock clock, Duration readyTimeout) {
        IngestService service = new IngestService(config, clock);
        service.streams.start();
        if (service.http != null) {
            service.http.start();
        }
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (service.streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !service.streams.state().isRunningOrRebalancing()) {
                KafkaStreams.State state = service.streams.state();
                service.close();
                throw new IngestException("request-ingest did not reach RUNNING within " + readyTimeout.toSeconds()
                        + " s (state " + state + "); check that the broker at " + config.getList(IngestConfig.BOOTSTRAP_SERVERS)
                        + " is reachable and the topics exist (unlearn stack up provisions them)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.close();
                throw new IngestException("Interrupted while starting request-ingest", e);
            }
        }
        log.info("request-ingest running (application.id={})", config.getString(IngestConfig.APPLICATION_ID));
        return service;
    }

    /** The port the HTTP API is bound to (the picked one when http.port=0); empty when http.enabled=false. */
    public OptionalInt httpPort() {
        return http == null ? OptionalInt.empty() : OptionalInt.of(http.port());
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public RequestPublisher publisher() {
        return publisher;
    }

    public StatusLookup statusLookup() {
        return statusLookup;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    public IngestConfig config() {
        return config;
    }

    /** Stops the HTTP API first (no new requests), then the publisher and Streams. */
    @Override
    public void close() {
        closeHttpAndPublisher();
        streams.close(Duration.ofSeconds(30));
        meters.close();
    }

    private void closeHttpAndPublisher() {
        if (http != null) {
            http.close();
        }
        publisher.close();
    }

    private StatusLookup.Result findStatus(String requestId) {
        return statusLookup.find(requestId);
    }

    private String stateName() {
        return streams.state().name();
    }

    /**
     * The Kafka Streams settings an instance with this configuration runs with (exactly_once_v2, commit interval,
     * threads, state directory, exception handlers), advertising {@code http.advertised.host:http.port}: for tools
     * that run another topology exactly as this service runs its own, e.g. a benchmark's baseline.
     */
    public static Properties streamsProperties(IngestConfig config) {
        return streamsProps(config, new HostInfo(config.advertisedHost(), config.getInt(IngestConfig.HTTP_PORT)));
    }

    static Properties streamsProps(IngestConfig config, HostInfo self) {
        Map<String, Object> p = new HashMap<>(config.kafkaClientProps());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(IngestConfig.APPLICATION_ID));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(IngestConfig.STATE_DIR));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(IngestConfig.STREAM_THREADS));
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(IngestConfig.COMMIT_INTERVAL_MS));
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        // Only the global catalogue sources and the status source deserialize in Streams; a corrupt record
        // there is dead-lettered and skipped; a registry outage fails the thread instead (BadDataDeadLetterHandler).
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, BadDataDeadLetterHandler.class);
        // The catalogue is a global store: let the processing exception handler cover its processing too. Kafka
        // recommends it (and warns at every start without it); it becomes the default with Kafka 5.0.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Streams' partition assignor builds a second StreamsConfig from the main consumer's settings, which leave out
        // Streams' own keys: the prefixed copy reaches it (the consumer itself ignores the key).
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }
}
