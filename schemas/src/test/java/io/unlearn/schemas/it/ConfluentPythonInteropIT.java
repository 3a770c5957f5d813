package io.unlearn.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.schemas.SampleEvents;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interoperability with a Confluent client outside this code base: Debian's python3-confluent-kafka
 * (CachedSchemaRegistryClient + MessageSerializer) with python3-avro writes events the Java serdes read,
 * and reads events they write. Skipped, with the reason, where those packages are not installed.
 */
@ExtendWith(LocalStackExtension.class)
@Timeout(180)
class ConfluentPythonInteropIT {

    private static String python;

    @BeforeAll
    static void findPythonWithConfluentKafka() throws Exception {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (run(List.of(candidate, "-c", "import confluent_kafka, avro"), 30).exitCode == 0) {
                python = candidate;
                break;
            }
        }
        assumeTrue(python != null, "python3 with confluent_kafka and avro not found (apt-get install"
                + " python3-confluent-kafka python3-avro); skipping the Confluent Python client interop check");
    }

    @Test
    void javaReadsWhatThePythonConfluentClientWrote(LocalStack stack) throws Exception {
        Topic<String, DeletionRequest> topic = Topics.DELETION_REQUESTS.withName(Clients.unique("py.in"));
        Clients.create(stack, topic);
        Path schemaFile = Files.createTempFile("DeletionRequest", ".avsc");
        Files.writeString(schemaFile, DeletionRequest.getClassSchema().toString());
        long received = SampleEvents.NOW.toEpochMilli();
        Result produced = run(List.of(python, script(), "produce", stack.bootstrapServers(), stack.registryUrl(),
                topic.name(), "req-py", schemaFile.toString(), Long.toString(received)), 90);
        Files.deleteIfExists(schemaFile);
        assertThat(produced.exitCode).as(produced.output).isZero();

        try (KafkaConsumer<String, DeletionRequest> consumer = new KafkaConsumer<>(
                Clients.consumerProps(stack.bootstrapServers()), new StringDeserializer(),
                topic.valueSerde(SchemaRegistryClient.create(stack.registryUrl())).deserializer())) {
            Clients.assignAll(consumer, topic.name());
            List<ConsumerRecord<String, DeletionRequest>> records = Clients.poll(consumer, 1, Duration.ofSeconds(30));
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("req-py");
                DeletionRequest v = r.value();
                assertThat(v.getRequester()).isEqualTo("python-client");
                assertThat(v.getSampleIds()).containsExactly("s-1", "s-2");
                assertThat(v.getLegalBasis()).isEqualTo(LegalBasis.CCPA_DELETION);
                assertThat(v.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(received));
                assertThat(v.getDeadline()).isEqualTo(Instant.ofEpochMilli(received).plus(Duration.ofDays(30)));
                assertThat(v.getSignature()).isNull();
            });
        }
    }

    @Test
    void thePythonConfluentClientReadsWhatJavaWrote(LocalStack stack) throws Exception {
        Topic<String, DeletionRequest> topic = Topics.DELETION_REQUESTS.withName(Clients.unique("py.out"));
        Clients.create(stack, topic);
        try (KafkaProducer<String, DeletionRequest> producer = new KafkaProducer<>(
                Clients.producerProps(stack.bootstrapServers()), topic.keySerde().serializer(),
                topic.valueSerde(SchemaRegistryClient.create(stack.registryUrl())).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), "req-java", SampleEvents.deletion("req-java"))).get();
        }
        Result consumed = run(List.of(python, script(), "consume", stack.bootstrapServers(), stack.registryUrl(),
                topic.name(), "req-java"), 90);
        assertThat(consumed.exitCode).as(consumed.output).isZero();
        assertThat(consumed.output).contains("CONSUMED ").contains("\"requestId\": \"req-java\"")
                .contains("\"legalBasis\": \"GDPR_ART_17\"").contains("\"keyId\": \"key-1\"")
                .contains("\"sampleIds\": [\"fmnist-train-1\", \"fmnist-train-2\"]");
    }

    private static String script() throws Exception {
        return Path.of(ConfluentPythonInteropIT.class.getResource("/interop/confluent_client.py").toURI()).toString();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("python-interop-", ".log");
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (java.io.IOException notFound) {
            Files.deleteIfExists(log);
            return new Result(-1, notFound.getMessage());
        }
        try {
            boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String output = Files.readString(log);
            return new Result(exited ? process.exitValue() : -2, exited ? output : "timed out; " + output);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
