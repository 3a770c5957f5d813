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

    @Test
    void processesStartingAtOnceOnOneDirectoryEndWithOneKey(@TempDir Path dir) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(pool.submit(() -> EventSigner.generatedIn(dir, "worker").keyId()));
            }
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (var f : ids) {
                distinct.add(f.get());
            }
            assertThat(distinct).hasSize(1);
            assertThat(SigningKeys.keyId(SigningKeys.readPublic(dir.resolve("worker.pub")))).isEqualTo(distinct.iterator().next());
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("worker.key", "worker.pub");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
