package io.unlearn.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** escalation.ladder: defaulted, documented, checked at start-up, and turned into the model's effective ladder. */
class WorkerConfigLadderTest {

    @Test
    void theDefaultLadderFollowsTheConfiguredMethod() {
        assertThat(WorkerConfig.of(props()).escalationLadder().methods()).containsExactly("rl", "eu-k", "retrain");
        assertThat(WorkerConfig.of(props(WorkerConfig.METHOD, "ft")).escalationLadder().methods())
                .containsExactly("ft", "rl", "eu-k", "retrain");
        assertThat(WorkerConfig.of(props(WorkerConfig.ESCALATION_LADDER, "")).escalationLadder().methods())
                .as("empty: no escalation").containsExactly("rl");
        assertThat(WorkerConfig.CONFIG_DEF.configKeys().get(WorkerConfig.ESCALATION_LADDER).documentation).contains("REJECTED");
    }

    private static Map<String, Object> props(String... keyValues) {
        Map<String, Object> out = new java.util.HashMap<>(Map.of("bootstrap.servers", "localhost:9092", "schema.registry.url", "mem://"));
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    @Test
    void anUnknownMethodOnTheLadderFailsAtStartUpNamingIt() {
        assertThatThrownBy(() -> WorkerConfig.of(props(WorkerConfig.ESCALATION_LADDER, "rl,stronger")))
                .isInstanceOf(WorkerException.class).hasMessageContaining("escalation.ladder names 'stronger'")
                .hasMessageContaining("eu-k");
    }
}
