package io.unlearn.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {
    @Test
    void defaultsAreValid() {
        LocalStackConfig config = LocalStackConfig.ofDefaults();
        assertThat(config.dataDir().endsWith(Path.of(".unlearn/stack"))).isTrue();
        assertThat(config.startupTimeout()).isEqualTo(LocalStackConfig.DEFAULT_STARTUP_TIMEOUT);
        assertThat(config.registryJava()).isEmpty();
    }

    @Test
    void everyBadValueIsNamedInOneError() {
        assertThatThrownBy(() -> LocalStackConfig.custom().optBrokerPort(70000).optRegistryPort(-1)
                .optStartupTimeout(Duration.ZERO).optRegistryHeap("lots")
                .optApicurioHome(Path.of("/nonexistent")).build())
                .isInstanceOf(StackException.class)
                .hasMessageContaining("brokerPort 70000")
                .hasMessageContaining("registryPort -1")
                .hasMessageContaining("startupTimeout PT0S")
                .hasMessageContaining("registryHeap 'lots'")
                .hasMessageContaining("apicurioHome /nonexistent holds no quarkus-run.jar");
    }
}
