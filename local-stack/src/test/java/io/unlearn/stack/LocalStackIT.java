package io.unlearn.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack on its own data dir: real broker, real registry, and both keep their data across restarts. */
class LocalStackIT {
    private static final String SCHEMA = "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\","
            + "\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void topicsRecordsAndSchemaIdsSurviveBrokerAndStackRestarts(@TempDir Path dir) throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        LocalStackConfig config = LocalStackConfig.custom().optDataDir(dir).build();
        String bootstrap;
        int schemaId;
        try (LocalStack stack = LocalStack.start(config)) {
            bootstrap = stack.bootstrapServers();
            assertThat(stack.describe()).matches("bootstrap=127\\.0\\.0\\.1:\\d+ registry=http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            }
            produce(bootstrap, topic, "before-restart");
            schemaId = register(stack.registryUrl());

            stack.restartBroker();
            produce(bootstrap, topic, "after-broker-restart");
            assertThat(consumeAll(bootstrap, topic)).containsExactlyInAnyOrder("before-restart", "after-broker-restart");
        }
        try (LocalStack again = LocalStack.start(config)) {
            assertThat(again.bootstrapServers()).as("ports are kept in the data dir").isEqualTo(bootstrap);
            assertThat(consumeAll(bootstrap, topic)).containsExactlyInAnyOrder("before-restart", "after-broker-restart");
            HttpResponse<String> byId = http.send(HttpRequest.newBuilder(URI.create(again.registryUrl() + "/schemas/ids/" + schemaId))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
            assertThat(byId.body()).contains("Probe");
        }
        assertThat(Files.exists(dir.resolve("ports.properties"))).isTrue();
    }

    /**
     * The registry also binds a port for Quarkus' management interface (nothing reads it, but it cannot be switched off
     * at run time). It used to be chosen once and remembered in the data dir, so a socket that took it (a client's
     * ephemeral port, say) made the registry exit at every start-up. Here the port an older data dir remembers for it
     * is held open: the stack starts anyway (the port is chosen at each launch) and forgets the remembered one.
     */
    @Test
    void aTakenManagementPortDoesNotStopTheRegistry(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Files.writeString(dir.resolve("ports.properties"), "registry.management=" + taken.getLocalPort() + "\n");
            try (LocalStack stack = LocalStack.start(LocalStackConfig.custom().optDataDir(dir).build())) {
                assertThat(register(stack.registryUrl())).isPositive();
            }
        }
        Properties ports = new Properties();
        try (var in = Files.newInputStream(dir.resolve("ports.properties"))) {
            ports.load(in);
        }
        assertThat(ports).doesNotContainKey("registry.management").containsKeys("broker", "controller", "registry");
    }

    private int register(String registryUrl) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(registryUrl + "/subjects/probe-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(SCHEMA)).build();
        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Integer.parseInt(response.body().replaceAll("\\D+", ""));
    }

    private static void produce(String bootstrap, String topic, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value, value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < 2 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
