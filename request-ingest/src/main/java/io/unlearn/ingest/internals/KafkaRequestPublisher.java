package io.unlearn.ingest.internals;

import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.ingest.IngestException;
import io.unlearn.ingest.RequestPublisher;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/** {@link RequestPublisher} over one idempotent producer (acks=all), bounded by a timeout per send. */
public final class KafkaRequestPublisher implements RequestPublisher, AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final KafkaProducer<byte[], byte[]> producer;
    private final Serializer<DeletionRequest> deletions;
    private final Serializer<ConceptRemovalRequest> concepts;

    public KafkaRequestPublisher(Map<String, Object> clientProps, SchemaRegistryClient registry) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() - 1000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.deletions = EventSerdes.serde(DeletionRequest.class, registry).serializer();
        this.concepts = EventSerdes.serde(ConceptRemovalRequest.class, registry).serializer();
    }

    @Override
    public void publish(DeletionRequest request) {
        String topic = Topics.DELETION_REQUESTS.name();
        send(topic, request.getRequestId(), deletions.serialize(topic, request));
    }

    @Override
    public void publish(ConceptRemovalRequest request) {
        String topic = Topics.CONCEPT_REQUESTS.name();
        send(topic, request.getRequestId(), concepts.serialize(topic, request));
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IngestException("Request " + key + " was not acknowledged by Kafka on " + topic + " within "
                    + TIMEOUT.toSeconds() + " s (" + e.getMessage() + "); it is safe to send it again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("Interrupted while publishing request " + key, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
