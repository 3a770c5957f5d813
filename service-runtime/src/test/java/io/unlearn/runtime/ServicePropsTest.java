package io.unlearn.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicePropsTest {

    @Test
    void aClientConfigFileBecomesKafkaKeysExceptTheClusterAndRegistryKeys(@TempDir Path dir) throws Exception {
        Path client = Files.writeString(dir.resolve("worker.properties"), String.join("\n",
                "security.protocol=SASL_PLAINTEXT", "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=x required;",
                "bootstrap.servers=file:1", "schema.registry.url=http://file", "basic.auth.user.info=u:p", "kafka.acks=all"));
        Path own = Files.writeString(dir.resolve("worker-own.properties"), "kafka.sasl.mechanism=PLAIN\n");

        Map<String, Object> props = ServiceProps.merge(Map.of("bootstrap.servers", "flag:1"), client, own, Map.of("group.id", "g"));

        assertThat(props).containsEntry("kafka.security.protocol", "SASL_PLAINTEXT")
                .containsEntry("kafka.sasl.jaas.config", "x required;")
                .containsEntry("kafka.sasl.mechanism", "PLAIN") // the service's own file wins over the client config
                .containsEntry("bootstrap.servers", "flag:1") // an explicit address wins over the file's
                .containsEntry("schema.registry.url", "http://file").containsEntry("basic.auth.user.info", "u:p")
                .containsEntry("kafka.acks", "all").containsEntry("group.id", "g")
                .doesNotContainKeys("security.protocol", "sasl.jaas.config");
    }

    @Test
    void anUnreadableClientConfigSaysWhichFileAndFlag(@TempDir Path dir) {
        assertThatThrownBy(() -> ServiceProps.merge(Map.of(), dir.resolve("missing.properties"), null, Map.of()))
                .isInstanceOf(FatalServiceException.class).hasMessageContaining("--client-config")
                .hasMessageContaining("missing.properties");
    }
}
