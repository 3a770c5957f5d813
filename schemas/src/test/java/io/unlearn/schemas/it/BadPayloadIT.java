package io.unlearn.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.DeletionRequest;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SampleEvents;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad bytes on a real topic: a consumer with the registry-backed deserializer gets a clear
 * {@link SerializationException} per bad record (wrapped by Kafka in a RecordDeserializationException that
 * names partition and offset), can skip it, and never hangs.
 */
@ExtendWith(LocalStackExtension.class)
@Timeout(90)
class BadPayloadIT {

    @Test
    void unknownIdsTruncatedAndForeignPayloadsGiveClearErrors(LocalStack stack) throws Exception {
        String topic = Clients.unique("bad");
        Clients.create(stack, Topics.DELETION_REQUESTS.withName(topic));
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        byte[] good = EventSerdes.serde(DeletionRequest.class, registry).serializer()
                .serialize(topic, SampleEvents.deletion("good"));
        List<byte[]> values = List.of(
                new byte[] {0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 2, 'x'}, // unknown schema id
                Arrays.copyOf(good, good.length / 2),                                  // truncated
                new byte[] {0, 1},                                                     // shorter than the header
                "{\"requestId\":\"json\"}".getBytes(StandardCharsets.UTF_8),         // not Confluent format
                good);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Clients.producerProps(stack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, "k", value)).get(); // one partition: keeps the order
            }
        }

        List<String> errors = new ArrayList<>();
        List<DeletionRequest> read = new ArrayList<>();
        try (KafkaConsumer<String, DeletionRequest> consumer = new KafkaConsumer<>(
                Clients.consumerProps(stack.bootstrapServers()), new StringDeserializer(),
                EventSerdes.serde(DeletionRequest.class, registry).deserializer())) {
            Clients.assignAll(consumer, topic);
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                try {
                    for (ConsumerRecord<String, DeletionRequest> r : consumer.poll(Duration.ofMillis(200))) {
                        read.add(r.value());
                    }
                } catch (RecordDeserializationException e) {
                    assertThat(e.getCause()).isInstanceOf(SerializationException.class);
                    errors.add(e.offset() + ": " + e.getCause().getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1); // what a dead-letter handler does
                }
            }
        }
        assertThat(read).containsExactly(SampleEvents.deletion("good"));
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).startsWith("0: ").contains("schema id 2147483632 is unknown").contains("40403");
        assertThat(errors.get(1)).startsWith("1: ").contains("truncated or corrupt");
        assertThat(errors.get(2)).startsWith("2: ").contains("2 byte(s) long");
        assertThat(errors.get(3)).startsWith("3: ").contains("unknown magic byte 0x7B");
    }
}
