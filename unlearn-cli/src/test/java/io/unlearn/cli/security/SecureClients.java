package io.unlearn.cli.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Client settings with bounded timeouts (a refusal must surface as an error, never as a hang) and a topic reader. */
final class SecureClients {
    static final int TIMEOUT_MS = 10_000;

    private SecureClients() {
    }

    /** The settings of a client-config file plus bounded timeouts. */
    static Map<String, Object> fromFile(Path clientConfig) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(clientConfig)) {
            p.load(in);
        } catch (IOException e) {
            throw new AssertionError("client config " + clientConfig + " unreadable", e);
        }
        Map<String, Object> props = new HashMap<>();
        p.forEach((k, v) -> props.put(k.toString(), v));
        return bounded(props);
    }

    /** {@code props} plus timeouts that turn every refusal into an exception within seconds. */
    static Map<String, Object> bounded(Map<String, Object> props) {
        Map<String, Object> p = new HashMap<>(props);
        p.put("max.block.ms", TIMEOUT_MS);
        p.put("default.api.timeout.ms", TIMEOUT_MS);
        p.put("request.timeout.ms", 5_000);
        p.put("delivery.timeout.ms", TIMEOUT_MS);
        p.put("linger.ms", 0);
        return p;
    }

    /** Every committed record of {@code topic} up to its end offsets now (assign, no group). */
    static List<ConsumerRecord<String, byte[]>> readToEnd(Map<String, Object> clientProps, String topic) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        p.remove("group.id");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end + " in 30 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
