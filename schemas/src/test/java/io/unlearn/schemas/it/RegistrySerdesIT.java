package io.unlearn.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.schemas.SampleEvents;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.TopicProvisioner;
import io.unlearn.schemas.internals.WireFormat;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every event type through a real broker and the real registry, with the registry-backed serdes. */
@ExtendWith(LocalStackExtension.class)
@Timeout(120)
class RegistrySerdesIT {

    @Test
    void everyEventTypeRoundTripsThroughBrokerAndRegistry(LocalStack stack) throws Exception {
        SchemaRegistryClient writerRegistry = SchemaRegistryClient.create(stack.registryUrl());
        SchemaRegistryClient readerRegistry = SchemaRegistryClient.create(stack.registryUrl()); // no shared cache
        for (Map.Entry<Topic<String, ? extends SpecificRecord>, SpecificRecord> e : SampleEvents.oneOfEach().entrySet()) {
            roundTrip(stack, e.getKey(), e.getValue(), writerRegistry, readerRegistry);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> void roundTrip(LocalStack stack, Topic<String, V> catalogued,
                                                             SpecificRecord event, SchemaRegistryClient writerRegistry,
                                                             SchemaRegistryClient readerRegistry) throws Exception {
        V value = (V) event;
        Topic<String, V> topic = catalogued.withName(Clients.unique(catalogued.name()));
        try (Admin admin = Clients.admin(stack)) {
            assertThat(new TopicProvisioner(admin, Duration.ofSeconds(30)).provision(List.of(topic)).created())
                    .containsExactly(topic.name());
        }
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Clients.producerProps(stack.bootstrapServers()),
                topic.keySerde().serializer(), topic.valueSerde(writerRegistry).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), "key-1", value)).get();
        }
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Clients.consumerProps(stack.bootstrapServers()),
                new StringDeserializer(), topic.valueSerde(readerRegistry).deserializer())) {
            Clients.assignAll(consumer, topic.name());
            List<ConsumerRecord<String, V>> records = Clients.poll(consumer, 1, Duration.ofSeconds(30));
            assertThat(records).as(topic.name()).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("key-1");
                assertThat(r.value()).isEqualTo(value);
            });
        }
        int registered = readerRegistry.lookup(topic.valueSubject().orElseThrow(), topic.valueSchema().orElseThrow());
        try (KafkaConsumer<String, byte[]> raw = new KafkaConsumer<>(Clients.consumerProps(stack.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Clients.assignAll(raw, topic.name());
            byte[] bytes = Clients.poll(raw, 1, Duration.ofSeconds(30)).get(0).value();
            assertThat(bytes[0]).isZero();
            assertThat(WireFormat.readSchemaId(topic.name(), bytes)).as("wire-format id = registered id")
                    .isEqualTo(registered);
        }
    }
}
