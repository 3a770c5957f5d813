package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.ingest.internals.RequestSignatures;
import io.unlearn.schemas.SigningKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code unlearn keys generate} and {@code unlearn request ... --sign-key}: a pair whose request signature ingest verifies. */
class KeysCommandTest {

    @Test
    void aGeneratedPairSignsARequestThatItsPublicKeyVerifiesAndIsNeverOverwrittenUnasked(@TempDir Path dir) {
        CommandLine cli = UnlearnCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("keys", "generate", "--out", dir.toString(), "--name", "bank")).isZero();
        assertThat(dir.resolve("bank.key")).exists();
        assertThat(dir.resolve("bank.pub")).exists();
        assertThat(cli.execute("keys", "generate", "--out", dir.toString(), "--name", "bank")).isEqualTo(1);
        assertThat(err.toString()).contains("already exists").contains("--force");

        RequestCommand.Delete delete = new RequestCommand.Delete();
        delete.signKey = dir.resolve("bank.key");
        DeletionRequest r = DeletionRequest.newBuilder().setRequestId("r1").setRequester("bank").setModelId("m").setSampleIds(List.of("s1"))
                .setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(Instant.EPOCH).setDeadline(Instant.EPOCH.plusSeconds(60)).build();
        var signature = delete.signature(RequestSignatures.canonical(r));
        var pub = SigningKeys.readPublic(dir.resolve("bank.pub"));
        assertThat(signature.getAlgorithm()).isEqualTo("Ed25519");
        assertThat(signature.getKeyId()).isEqualTo(SigningKeys.keyId(pub));
        assertThat(RequestSignatures.verifyEd25519(pub, RequestSignatures.canonical(r), signature.getValue())).isTrue();
        r.setSampleIds(List.of("s2"));
        assertThat(RequestSignatures.verifyEd25519(pub, RequestSignatures.canonical(r), signature.getValue())).isFalse();
    }

    @Test
    void aSignKeyThatIsNoPrivateKeyIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("oops.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        RequestCommand.Delete delete = new RequestCommand.Delete();
        delete.signKey = dir.resolve("oops.pub");
        assertThatThrownBy(() -> delete.signature("text")).isInstanceOf(CliException.class).hasMessageContaining("--sign-key")
                .hasMessageContaining("oops.pub");
    }
}
