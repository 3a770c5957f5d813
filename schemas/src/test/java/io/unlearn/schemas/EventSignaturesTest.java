package io.unlearn.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ed25519 over versions and reports: what verifies, what does not, and the key files. */
class EventSignaturesTest {
    private final KeyPair worker = SigningKeys.generate();
    private final KeyPair forger = SigningKeys.generate();
    private final TrustedKeys trusted = TrustedKeys.of(List.of(worker.getPublic()));

    @Test
    void aSignedVersionVerifiesEvenAfterTheWireAndItsMapOrderIsIrrelevant() {
        ModelVersion v = EventSignatures.sign(SampleEvents.version("m"), worker.getPrivate(), SigningKeys.keyId(worker.getPublic()));
        assertThat(EventSignatures.verify(v, trusted)).isEqualTo(EventSignatures.Check.VALID);
        var serde = EventSerdes.serde(ModelVersion.class, SchemaRegistryClient.inMemory());
        ModelVersion read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", v));
        assertThat(EventSignatures.verify(read, trusted)).as("decoded from the wire").isEqualTo(EventSignatures.Check.VALID);
        Map<String, String> reversed = new LinkedHashMap<>();
        new java.util.TreeMap<>(v.getHyperparameters()).descendingMap().forEach(reversed::put);
        assertThat(EventSignatures.verify(ModelVersion.newBuilder(v).setHyperparameters(reversed).build(), trusted))
                .isEqualTo(EventSignatures.Check.VALID);
    }

    @Test
    void anyChangeOrAnotherKeyOrNoSignatureIsNamedAsSuch() {
        ModelVersion v = EventSignatures.sign(SampleEvents.version("m"), worker.getPrivate(), SigningKeys.keyId(worker.getPublic()));
        assertThat(EventSignatures.verify(ModelVersion.newBuilder(v).setArtifactSha256("ef".repeat(32)).build(), trusted))
                .isEqualTo(EventSignatures.Check.BAD);
        ModelVersion byForger = EventSignatures.sign(v, forger.getPrivate(), SigningKeys.keyId(forger.getPublic()));
        assertThat(EventSignatures.verify(byForger, trusted)).isEqualTo(EventSignatures.Check.UNKNOWN_KEY);
        ModelVersion forgerClaimsWorkersId = EventSignatures.sign(v, forger.getPrivate(), SigningKeys.keyId(worker.getPublic()));
        assertThat(EventSignatures.verify(forgerClaimsWorkersId, trusted)).isEqualTo(EventSignatures.Check.BAD);
        assertThat(EventSignatures.verify(ModelVersion.newBuilder(v).setSignature(null).build(), trusted))
                .isEqualTo(EventSignatures.Check.MISSING);
    }

    @Test
    void aReportSignatureDoesNotVerifyAsAVersionsAndReportsVerifyToo() {
        EvaluationReport r = EventSignatures.sign(SampleEvents.report("m@v2"), worker.getPrivate(), SigningKeys.keyId(worker.getPublic()));
        assertThat(EventSignatures.verify(r, trusted)).isEqualTo(EventSignatures.Check.VALID);
        assertThat(EventSignatures.signedBytes(r)).startsWith("EvaluationReport\0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(EventSignatures.verify(EvaluationReport.newBuilder(r).setVerdict(io.unlearn.events.Verdict.CERTIFIED).build(), trusted))
                .isEqualTo(EventSignatures.Check.BAD);
    }

    @Test
    void keyFilesRoundTripAndTheKeyIdComesFromTheKey(@TempDir Path dir) throws Exception {
        SigningKeys.write(worker, dir.resolve("worker.key"), dir.resolve("worker.pub"));
        assertThat(Files.readString(dir.resolve("worker.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
        var priv = SigningKeys.readPrivate(dir.resolve("worker.key"));
        assertThat(SigningKeys.keyId(SigningKeys.publicOf(priv))).as("derived from the private key alone")
                .isEqualTo(SigningKeys.keyId(worker.getPublic())).hasSize(16);
        String base64Only = java.util.Base64.getEncoder().encodeToString(forger.getPublic().getEncoded());
        Files.writeString(dir.resolve("forger.pem"), base64Only + "\n");
        TrustedKeys both = TrustedKeys.load(List.of(dir));
        assertThat(both.keyIds()).containsExactlyInAnyOrder(SigningKeys.keyId(worker.getPublic()), SigningKeys.keyId(forger.getPublic()));
        assertThat(both.find(SigningKeys.keyId(forger.getPublic()))).contains(forger.getPublic());
    }

    @Test
    void aBadKeyFileFailsNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("typo.pem"), "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> TrustedKeys.load(List.of(dir))).isInstanceOf(ContractException.class).hasMessageContaining("typo.pem");
        Files.writeString(dir.resolve("typo.pem"), java.util.Base64.getEncoder().encodeToString(new byte[44]));
        assertThatThrownBy(() -> TrustedKeys.load(List.of(dir))).hasMessageContaining("typo.pem").hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> TrustedKeys.load(List.of(dir.resolve("missing.pem")))).hasMessageContaining("does not exist");
        SigningKeys.write(worker, dir.resolve("w.key"), dir.resolve("w.pub"));
        assertThatThrownBy(() -> SigningKeys.readPublic(dir.resolve("w.key"))).as("a private key where a public one belongs")
                .hasMessageContaining("w.key");
    }
}
