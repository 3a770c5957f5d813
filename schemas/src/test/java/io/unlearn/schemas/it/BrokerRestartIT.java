package io.unlearn.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.ProvisioningReport;
import io.unlearn.schemas.SampleEvents;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.TopicProvisioner;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A broker restart keeps the catalogue's topics, their settings and their records. */
@ExtendWith(LocalStackExtension.class)
@Timeout(150)
class BrokerRestartIT {

    @Test
    void topicsSettingsAndRecordsSurviveABrokerRestart(LocalStack stack) throws Exception {
        Topic<String, RequestStatus> topic = Topics.REQUEST_STATUS.withName(Clients.unique("restart"));
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        try (Admin admin = Clients.admin(stack)) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).provision(List.of(topic));
        }
        try (KafkaProducer<String, RequestStatus> producer = new KafkaProducer<>(
                Clients.producerProps(stack.bootstrapServers()), topic.keySerde().serializer(),
                topic.valueSerde(registry).serializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic.name(), "req-" + i, SampleEvents.status("req-" + i))).get();
            }
        }

        stack.restartBroker();

        try (Admin admin = Clients.admin(stack)) {
            ProvisioningReport report = new TopicProvisioner(admin, Duration.ofSeconds(60)).provision(List.of(topic));
            assertThat(report.unchanged()).containsExactly(topic.name());
            assertThat(report.hasDrift()).isFalse();
        }
        try (KafkaConsumer<String, RequestStatus> consumer = new KafkaConsumer<>(
                Clients.consumerProps(stack.bootstrapServers()), new StringDeserializer(),
                topic.valueSerde(SchemaRegistryClient.create(stack.registryUrl())).deserializer())) {
            Clients.assignAll(consumer, topic.name());
            List<ConsumerRecord<String, RequestStatus>> records = Clients.poll(consumer, 3, Duration.ofSeconds(60));
            assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
                    SampleEvents.status("req-0"), SampleEvents.status("req-1"), SampleEvents.status("req-2"));
        }
    }
}
