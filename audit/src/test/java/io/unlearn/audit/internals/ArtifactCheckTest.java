package io.unlearn.audit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.schemas.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCheckTest {
    @TempDir
    Path root;

    @Test
    void untouchedArtifactsVerify() throws Exception {
        CheckResult r = new ArtifactCheck().run(AuditFixtures.consistent(root).log());
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isEqualTo(2);
    }

    @Test
    void aFlippedByteIsAnAlteredArtifactNamingTheVersionAndThePath() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        String sha = f.versions.get(1).getArtifactSha256();
        Path file = root.resolve(sha).resolve(CheckpointStore.PARAMETERS_FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        CheckResult r = new ArtifactCheck().run(f.log());
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo("m@v2");
            assertThat(x.message()).startsWith("altered artifact: model file " + file).contains("hashes to " + Digests.sha256Hex(
                    new String(bytes, java.nio.charset.StandardCharsets.UTF_8))).contains("the version records " + sha);
        });
    }

    @Test
    void aDeletedArtifactIsMissingAndAUriMustNameItsSha() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        Path file = root.resolve(f.versions.get(0).getArtifactSha256()).resolve(CheckpointStore.PARAMETERS_FILE);
        Files.delete(file);
        f.replaceVersion(1, b -> b.setArtifactUri(root.resolve("elsewhere").toUri().toString()));
        CheckResult r = new ArtifactCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::line).containsExactly(
                "[artifacts] m@v1: missing artifact: model file " + file + " does not exist",
                "[artifacts] m@v2: model artifact URI " + root.resolve("elsewhere").toUri() + " does not end in its sha256 "
                        + f.versions.get(1).getArtifactSha256() + ": the version event and the content-addressed store"
                        + " <root>/<sha256>/ disagree; the version cannot be trusted");
    }

    @Test
    void suppressionSaesAreReHashedToo() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        byte[] sae = "sae identity and parameters".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String saeSha = Digests.sha256Hex("sae identity and parameters");
        Path saeDir = Files.createDirectories(root.resolve("sae").resolve(saeSha));
        Files.write(saeDir.resolve(SaeStore.SAE_FILE), sae);
        SuppressionConfig config = SuppressionConfig.newBuilder().setConceptName("footwear").setLayer("encoder.2")
                .setSaeArtifactUri(saeDir.toUri().toString()).setSaeSha256(saeSha).setDictionarySize(128).setDefaultScale(-0.5)
                .setFeatures(List.of()).build();
        f.version("m", 3, ModelVersionKind.SUPPRESSED, f.versions.get(1), f.versions.get(1).getArtifactSha256(), List.of(), null);
        f.replaceVersion(2, b -> b.setSuppression(config).setActiveSuppressions(List.of(config)));
        assertThat(new ArtifactCheck().run(f.log()).findings()).isEmpty();
        Files.writeString(saeDir.resolve(SaeStore.SAE_FILE), "swapped");
        CheckResult r = new ArtifactCheck().run(f.log());
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo("m@v3");
            assertThat(x.message()).startsWith("altered artifact: SAE file " + saeDir.resolve(SaeStore.SAE_FILE));
        });
    }
}
