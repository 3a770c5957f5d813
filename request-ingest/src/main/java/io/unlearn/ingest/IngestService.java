package io.unlearn.ingest;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.ingest.internals.KafkaRequestPublisher;
import io.unlearn.ingest.internals.StoreStatusLookup;
import io.unlearn.schemas.registry.SchemaRegistryClient;
import io.unlearn.schemas.registry.SchemaRegistryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-ingest service: the exactly-once Streams topology of {@link IngestTopology} plus the
 * request publisher and status lookup the HTTP API uses. {@link #start} returns once Streams is RUNNING;
 * {@link #close} stops everything. A failing stream thread (e.g. the registry unreachable) is logged and
 * replaced, and its records are retried from the last commit.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final PrometheusMeterRegistry meters;
    private final KafkaStreams streams;
    private final KafkaRequestPublisher publisher;
    private final StatusLookup statusLookup;

    private IngestService(IngestConfig config, Clock clock, HostInfo self) {
        this.config = config;
        this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SchemaRegistryClient registry = SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(config.registryProps()));
        this.streams = new KafkaStreams(IngestTopology.build(config.rules(), registry, clock, meters), streamsProps(config, self));
        this.streams.setUncaughtExceptionHandler(e -> {
            log.error("A request-ingest stream thread failed; replacing it, its records will be retried from the last commit", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        new KafkaStreamsMetrics(streams).bindTo(meters);
        this.publisher = new KafkaRequestPublisher(config.kafkaClientProps(), registry);
        this.statusLookup = new StoreStatusLookup(streams, self);
    }

    /**
     * Starts the topology and waits until it runs.
     *
     * @param self this instance's HTTP address, advertised to the group for status lookups
     * @throws IngestException when it is not RUNNING within {@code readyTimeout}
     */
    public static IngestService start(IngestConfig config, Clock clock, HostInfo self, Duration readyTimeout) {
        IngestService service = new IngestService(config, clock, self);
        service.streams.start();
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

    @Override
    public void close() {
        publisher.close();
        streams.close(Duration.ofSeconds(30));
        meters.close();
    }

    static Properties streamsProps(IngestConfig config, HostInfo self) {
        Map<String, Object> p = new HashMap<>(config.kafkaClientProps());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(IngestConfig.APPLICATION_ID));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(IngestConfig.STATE_DIR));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(IngestConfig.STREAM_THREADS));
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        // Only the global catalogue sources and the status source deserialize in Streams; a corrupt record
        // there is logged and skipped (request topics are read as bytes and dead-lettered by the topology).
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }
}
