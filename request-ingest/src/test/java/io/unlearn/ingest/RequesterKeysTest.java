package io.unlearn.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.schemas.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** signing.public.keys.dir: one file or one subdirectory per requester; a bad key file stops start-up, naming it. */
class RequesterKeysTest {

    @Test
    void keysAreReadPerRequesterFromFilesAndSubdirectories(@TempDir Path dir) throws Exception {
        KeyPair bank = SigningKeys.generate();
        KeyPair dpoOld = SigningKeys.generate();
        KeyPair dpoNew = SigningKeys.generate();
        SigningKeys.writePublic(bank.getPublic(), dir.resolve("bank.pem"));
        SigningKeys.writePublic(dpoOld.getPublic(), dir.resolve("dpo/2025.pub"));
        SigningKeys.writePublic(dpoNew.getPublic(), dir.resolve("dpo/2026.pem"));
        Files.writeString(dir.resolve("README.txt"), "not a key");
        IngestRules rules = config(dir).rules();
        assertThat(rules.publicKeys("bank").keyIds()).containsExactly(SigningKeys.keyId(bank.getPublic()));
        assertThat(rules.publicKeys("dpo").keyIds()).hasSize(2);
        assertThat(rules.publicKeys("nobody").isEmpty()).isTrue();
        assertThat(rules.requiresSignature("bank")).as("a key configured: signing required").isTrue();
    }

    @Test
    void aBadKeyFileOrAMissingDirectoryFailsTheConfigurationNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bank.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> config(dir)).isInstanceOf(IngestException.class)
                .hasMessageContaining(IngestConfig.SIGNING_PUBLIC_KEYS_DIR).hasMessageContaining("bank.pem");
        assertThatThrownBy(() -> config(dir.resolve("nowhere"))).hasMessageContaining("does not exist");
    }

    private static IngestConfig config(Path dir) {
        return IngestConfig.of(Map.of("bootstrap.servers", "localhost:9092", "schema.registry.url", "http://localhost:8081",
                "application.id", "t", "http.enabled", "false", IngestConfig.SIGNING_PUBLIC_KEYS_DIR, dir.toString()));
    }
}
