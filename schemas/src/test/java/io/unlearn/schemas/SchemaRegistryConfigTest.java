package io.unlearn.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class SchemaRegistryConfigTest {

    @Test
    void defaultsAreSensible() {
        SchemaRegistryConfig config = SchemaRegistryConfig.ofDefaults("http://127.0.0.1:8081/apis/ccompat/v7/");
        assertThat(config.url()).hasToString("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(config.requestTimeout()).isEqualTo(SchemaRegistryConfig.DEFAULT_REQUEST_TIMEOUT);
        assertThat(config.maxRetries()).isEqualTo(SchemaRegistryConfig.DEFAULT_MAX_RETRIES);
        assertThat(config.authorizationHeader()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> SchemaRegistryConfig.builder().setUrl("ftp://x")
                .optRequestTimeout(Duration.ZERO).optMaxRetries(-1).optBasicAuth("nocolon").build())
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("'ftp://x' is not an absolute http(s) URL")
                .hasMessageContaining("request timeout is PT0S")
                .hasMessageContaining("max retries is -1")
                .hasMessageContaining("without ':'");
        assertThatThrownBy(() -> SchemaRegistryConfig.builder().build())
                .hasMessageContaining("url is missing");
        assertThatThrownBy(() -> SchemaRegistryConfig.ofDefaults("http://a:1,http://b:2"))
                .hasMessageContaining("lists several registries");
    }

    @Test
    void readsConfluentStylePropertiesAndIgnoresOthers() {
        SchemaRegistryConfig config = SchemaRegistryConfig.fromProperties(Map.of(
                "schema.registry.url", "https://registry.example:8081",
                "basic.auth.user.info", "u:p",
                "schema.registry.request.timeout.ms", "1500",
                "schema.registry.max.retries", 0,
                "bootstrap.servers", "127.0.0.1:9092"));
        assertThat(config.url()).hasToString("https://registry.example:8081");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.maxRetries()).isZero();
        assertThat(config.authorizationHeader()).contains("Basic dTpw");
        assertThat(config.toString()).doesNotContain("u:p").contains("auth=basic");
    }

    @Test
    void missingUrlInPropertiesSaysWhichKey() {
        assertThatThrownBy(() -> SchemaRegistryConfig.fromProperties(Map.of("bootstrap.servers", "x:1")))
                .isInstanceOf(ContractException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    void bothAuthKindsAtOnceAreRefused() {
        assertThatThrownBy(() -> SchemaRegistryConfig.builder().setUrl("http://x:1")
                .optBasicAuth("u", "p").optBearerToken("t").build()).hasMessageContaining("choose one");
    }

    @Test
    void everyConfigKeyIsDocumented() {
        for (ConfigDef.ConfigKey key : SchemaRegistryConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.documentation).as(key.name).isNotBlank();
        }
    }
}
