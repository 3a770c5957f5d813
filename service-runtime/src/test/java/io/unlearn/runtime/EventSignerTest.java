package io.unlearn.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.schemas.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's signing identity: generated once and reused, or the configured key file. */
class EventSignerTest {

    @Test
    void withoutAConfiguredKeyAPairIsGeneratedOnceOwnerOnlyAndReusedOnRestart(@TempDir Path dir) throws Exception {
        EventSigner first = EventSigner.generatedIn(dir, "worker");
        assertThat(dir.resolve("worker.key")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("worker.key")))).isEqualTo("rw-------");
        assertThat(SigningKeys.keyId(SigningKeys.readPublic(dir.resolve("worker.pub")))).isEqualTo(first.keyId());
        EventSigner again = EventSigner.generatedIn(dir, "worker");
        assertThat(again.keyId()).as("the same key after a restart").isEqualTo(first.keyId());
        assertThat(EventSigner.fromKeyFile(dir.resolve("worker.key")).keyId()).as("or when configured as signing.key.file")
                .isEqualTo(first.keyId());
    }
}
