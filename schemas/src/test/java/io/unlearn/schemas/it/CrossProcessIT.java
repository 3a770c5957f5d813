package io.unlearn.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.DeletionRequest;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SampleEvents;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Confluent-format record written by one JVM is read by another, through the real broker and registry. */
@ExtendWith(LocalStackExtension.class)
@Timeout(180)
class CrossProcessIT {

    @Test
    void aRecordProducedByAnotherProcessIsReadHere(LocalStack stack) throws Exception {
        String topic = Clients.unique("cross.in");
        Clients.create(stack, Topics.DELETION_REQUESTS.withName(topic));
        String output = runPeer("produce", stack, topic, "req-from-peer");
        String produced = line(output, "PRODUCED ");

        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        try (KafkaConsumer<String, DeletionRequest> consumer = new KafkaConsumer<>(
                Clients.consumerProps(stack.bootstrapServers()), new StringDeserializer(),
                EventSerdes.serde(DeletionRequest.class, registry).deserializer())) {
            Clients.assignAll(consumer, topic);
            List<ConsumerRecord<String, DeletionRequest>> records = Clients.poll(consumer, 1, Duration.ofSeconds(30));
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("req-from-peer");
                assertThat(r.value().toString()).isEqualTo(produced);
            });
        }
    }

    @Test
    void aRecordProducedHereIsReadByAnotherProcess(LocalStack stack) throws Exception {
        String topic = Clients.unique("cross.out");
        Clients.create(stack, Topics.DELETION_REQUESTS.withName(topic));
        DeletionRequest request = SampleEvents.deletion("req-from-test");
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        try (KafkaProducer<String, DeletionRequest> producer = new KafkaProducer<>(
                Clients.producerProps(stack.bootstrapServers()), new StringSerializer(),
                Topics.DELETION_REQUESTS.withName(topic).valueSerde(registry).serializer())) {
            producer.send(new ProducerRecord<>(topic, "req-from-test", request)).get();
        }
        String output = runPeer("consume", stack, topic, "req-from-test");
        assertThat(line(output, "CONSUMED ")).isEqualTo(request.toString());
    }

    private static String runPeer(String mode, LocalStack stack, String topic, String requestId) throws Exception {
        Path log = Files.createTempFile("wire-format-peer-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                WireFormatPeer.class.getName(), mode, stack.bootstrapServers(), stack.registryUrl(), topic, requestId)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean exited = process.waitFor(90, TimeUnit.SECONDS);
            String output = Files.readString(log);
            assertThat(exited).as("peer finished within 90 s; output:\n" + output).isTrue();
            assertThat(process.exitValue()).as("peer exit code; output:\n" + output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no line starting " + prefix + " in:\n" + output));
    }
}
