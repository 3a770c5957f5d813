package io.unlearn.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorConfigTest {
    @Test
    void aMinimalConfigGetsTheDocumentedDefaultsAndAStableTransactionalId() {
        EvaluatorConfig c = EvaluatorConfig.of(Map.of("bootstrap.servers", "127.0.0.1:9092", "schema.registry.url", "http://r",
                "instance.id", "e1", "kafka.security.protocol", "SSL", "policy.default.max.ta.drop", "3"));
        assertThat(c.transactionalId()).isEqualTo("unlearn-evaluator-unlearn-evaluator-e1");
        assertThat(c.getInt(EvaluatorConfig.CHALLENGE_OUTER)).isEqualTo(3);
        assertThat(c.kafkaClientProps()).containsEntry("security.protocol", "SSL").containsEntry("bootstrap.servers", "127.0.0.1:9092");
        assertThat(c.registryProps()).doesNotContainKeys("kafka.security.protocol", "policy.default.max.ta.drop");
        assertThat(c.policy().thresholds("any")).containsEntry(PolicyCriterion.MAX_TA_DROP, 3.0);
    }

    @Test
    void missingAndBadKeysFailFastWithTheKeyNamed() {
        assertThatThrownBy(() -> EvaluatorConfig.of(Map.of("schema.registry.url", "http://r")))
                .isInstanceOf(EvaluatorException.class).hasMessageContaining("bootstrap.servers");
        assertThatThrownBy(() -> EvaluatorConfig.of(Map.of("bootstrap.servers", "b", "schema.registry.url", "r", "challenge.outer.steps", "0")))
                .isInstanceOf(EvaluatorException.class).hasMessageContaining("challenge.outer.steps");
    }
}
