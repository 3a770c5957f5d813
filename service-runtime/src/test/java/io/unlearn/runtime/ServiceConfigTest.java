package io.unlearn.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The shared keys: documented, the pass-through split between Kafka clients and registry, the group identity. */
class ServiceConfigTest {
    private static final ConfigDef DEF = ServiceConfig.groupMemberKeys("thing", "Consumer group of things.");

    private static final class ThingConfig extends ServiceConfig {
        ThingConfig(Map<String, ?> props) {
            super(DEF, props, "thing.");
        }
    }

    @Test
    void everySharedKeyIsDocumented() {
        assertThat(DEF.names()).containsExactlyInAnyOrder("bootstrap.servers", "schema.registry.url", "group.id",
                "transactional.id.prefix", "instance.id");
        DEF.configKeys().values().forEach(k -> assertThat(k.documentation).as(k.name).isNotBlank());
    }

    @Test
    void passThroughKeysGoWhereTheyBelong() {
        ThingConfig c = new ThingConfig(Map.of("bootstrap.servers", "a:1,b:2", "schema.registry.url", "http://r",
                "kafka.security.protocol", "SSL", "thing.depth", "3", "basic.auth.user.info", "u:p", "instance.id", "i1"));
        assertThat(c.kafkaClientProps()).containsOnly(Map.entry("bootstrap.servers", "a:1,b:2"), Map.entry("security.protocol", "SSL"));
        assertThat(c.registryProps()).containsEntry("basic.auth.user.info", "u:p").containsEntry("schema.registry.url", "http://r")
                .doesNotContainKeys("kafka.security.protocol", "thing.depth");
        assertThat(c.transactionalId()).isEqualTo("unlearn-thing-unlearn-thing-i1");
        assertThat(c.transactionalConsumerProps()).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "unlearn-thing")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> consumer = c.transactionalConsumerProps();
        assertThat((int) consumer.get(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG))
                .as("an idle connection outlives the longest wait between polls (else the consumer warns at start)")
                .isGreaterThan((int) consumer.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG));
        assertThat(c.transactionalProducerProps()).containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "unlearn-thing-unlearn-thing-i1")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }
}
