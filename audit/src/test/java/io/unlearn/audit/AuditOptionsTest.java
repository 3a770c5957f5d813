package io.unlearn.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.schemas.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditOptionsTest {
    private static AuditOptions.Builder cluster() {
        return AuditOptions.custom().setBootstrapServers("localhost:9092").setRegistry(SchemaRegistryClient.inMemory());
    }

    @Test
    void everyModelIsAuditedUnlessAPrefixOrAListSelectsSome() {
        assertThat(cluster().build().audits("any")).isTrue();
        assertThat(cluster().build().reportGrace()).isEqualTo(AuditOptions.DEFAULT_REPORT_GRACE);
        AuditOptions prefix = cluster().optModelPrefix("fmnist-").build();
        assertThat(prefix.audits("fmnist-cnn")).isTrue();
        assertThat(prefix.audits("cifar-cnn")).isFalse();
        AuditOptions list = cluster().optModels(List.of("a", "b")).build();
        assertThat(list.audits("b")).isTrue();
        assertThat(list.audits("bc")).isFalse();
    }

    @Test
    void buildNamesEveryProblemAtOnce() {
        assertThatThrownBy(() -> AuditOptions.custom().optModelPrefix("a").optModels(List.of("b", "c"))
                .optReportGrace(Duration.ofMinutes(-1)).build())
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("no Kafka bootstrap servers")
                .hasMessageContaining("no schema registry")
                .hasMessageContaining("the model prefix a and the model list")
                .hasMessageContaining("the report grace PT-1M must be zero or positive");
    }

    @Test
    void clientPropsMayCarryTheBootstrapServers() {
        AuditOptions o = AuditOptions.custom().setClientProps(Map.of("bootstrap.servers", "b:9092", "security.protocol", "SSL"))
                .setRegistry(SchemaRegistryClient.inMemory()).build();
        assertThat(o.clientProps()).containsEntry("bootstrap.servers", "b:9092").containsEntry("security.protocol", "SSL");
    }
}
