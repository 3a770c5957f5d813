package io.unlearn.schemas.it;

import io.unlearn.events.DeletionRequest;
import io.unlearn.schemas.EventDeserializer;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.EventSerializer;
import io.unlearn.schemas.SampleEvents;
import io.unlearn.schemas.SchemaRegistryConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A second process for {@link CrossProcessIT}: produces or consumes one DeletionRequest, with serdes
 * configured purely from client properties (as a plain client outside this code base would), and prints
 * the record. Usage: {@code produce|consume <bootstrap> <registryUrl> <topic> <requestId>}.
 */
public final class WireFormatPeer {

    private WireFormatPeer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String bootstrap = args[1];
        String registryUrl = args[2];
        String topic = args[3];
        String requestId = args[4];
        if (mode.equals("produce")) {
            Map<String, Object> props = Clients.producerProps(bootstrap);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class.getName());
            props.put(SchemaRegistryConfig.URL_CONFIG, registryUrl);
            DeletionRequest request = SampleEvents.deletion(requestId);
            try (KafkaProducer<String, DeletionRequest> producer = new KafkaProducer<>(props)) {
                producer.send(new ProducerRecord<>(topic, requestId, request)).get();
            }
            System.out.println("PRODUCED " + request);
        } else {
            Map<String, Object> props = Clients.consumerProps(bootstrap);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, EventDeserializer.class.getName());
            props.put(EventSerdes.EVENT_TYPE_CONFIG, DeletionRequest.class.getName());
            props.put(SchemaRegistryConfig.URL_CONFIG, registryUrl);
            try (KafkaConsumer<String, DeletionRequest> consumer = new KafkaConsumer<>(props)) {
                Clients.assignAll(consumer, topic);
                for (ConsumerRecord<String, DeletionRequest> r : Clients.poll(consumer, 1, Duration.ofSeconds(30))) {
                    if (r.key().equals(requestId)) {
                        System.out.println("CONSUMED " + r.value());
                        return;
                    }
                }
            }
            System.out.println("NOTHING CONSUMED");
            System.exit(2);
        }
    }
}
