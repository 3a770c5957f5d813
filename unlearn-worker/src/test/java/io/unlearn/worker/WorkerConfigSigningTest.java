package io.unlearn.worker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** signing.key.file is checked at start-up: a file that is no Ed25519 private key stops the worker, naming it. */
class WorkerConfigSigningTest {

    @Test
    void aBadSigningKeyFileFailsTheConfigurationNamingIt(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("worker.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> WorkerConfig.of(Map.of("bootstrap.servers", "localhost:9092", "schema.registry.url", "http://r",
                WorkerConfig.SIGNING_KEY_FILE, bad.toString()))).isInstanceOf(WorkerException.class)
                .hasMessageContaining("signing.key.file").hasMessageContaining(bad.toString());
        assertThatThrownBy(() -> WorkerConfig.of(Map.of("bootstrap.servers", "localhost:9092", "schema.registry.url", "http://r",
                WorkerConfig.SIGNING_KEY_FILE, dir.resolve("missing.key").toString()))).hasMessageContaining("cannot read key file");
    }
}
