package io.unlearn.bench.ingest;

import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.schemas.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/** A running {@link MinimalIngestTopology} under the ingest service's own Streams settings; closing stops it. */
final class MinimalIngest implements AutoCloseable {
    private final KafkaStreams streams;

    private MinimalIngest(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts the minimal topology with the Streams settings {@code config} gives the ingest service; waits until it runs. */
    static MinimalIngest start(IngestConfig config, SchemaRegistryClient registry, Duration readyTimeout) throws InterruptedException {
        KafkaStreams streams = new KafkaStreams(MinimalIngestTopology.build(registry, Clock.systemUTC()),
                IngestService.streamsProperties(config));
        MinimalIngest running = new MinimalIngest(streams);
        streams.start();
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                KafkaStreams.State state = streams.state();
                running.close();
                throw new IllegalStateException("The minimal ingest topology did not reach RUNNING within "
                        + readyTimeout.toSeconds() + " s (state " + state + "); see the log above for the cause");
            }
            Thread.sleep(100);
        }
        return running;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
