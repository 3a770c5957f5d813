package io.unlearn.audit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.Audit;
import io.unlearn.audit.AuditResult;
import io.unlearn.audit.AuditSigners;
import io.unlearn.audit.Finding;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.schemas.Digests;
import io.unlearn.schemas.EventSignatures;
import io.unlearn.schemas.SigningKeys;
import io.unlearn.schemas.TrustedKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature check: a history whose versions the worker and whose reports the evaluator signed verifies; a version
 * forged consistently (real parent, recomputed lineage hash, the forger's artifact) that no trusted worker key signed is
 * named whether it is unsigned or signed with another key, and so is an altered report; without keys, a warning.
 */
class SignatureCheckTest {
    private final KeyPair worker = SigningKeys.generate();
    private final KeyPair evaluator = SigningKeys.generate();
    private final KeyPair forger = SigningKeys.generate();
    private final AuditSigners signers = new AuditSigners(TrustedKeys.of(List.of(worker.getPublic())),
            TrustedKeys.of(List.of(evaluator.getPublic())));

    private AuditFixtures signed(Path root) throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.versions.replaceAll(v -> EventSignatures.sign(v, worker.getPrivate(), SigningKeys.keyId(worker.getPublic())));
        f.reports.replaceAll(r -> EventSignatures.sign(r, evaluator.getPrivate(), SigningKeys.keyId(evaluator.getPublic())));
        return f;
    }

    @Test
    void aHistorySignedByTheWorkerAndTheEvaluatorVerifies(@TempDir Path root) throws Exception {
        AuditResult r = Audit.verify(signed(root).log(), Duration.ofMinutes(10), signers);
        assertThat(r.verified()).as(r.verdictLine()).isTrue();
        assertThat(r.checks()).filteredOn(c -> c.check().equals("signatures")).singleElement()
                .satisfies(c -> assertThat(c.passed()).as("two versions and a report").isEqualTo(3));
    }

    @Test
    void aConsistentForgeryIsNamedUnsignedOrSignedWithAnotherKeyAndSoIsAnAlteredReport(@TempDir Path root) throws Exception {
        AuditFixtures f = signed(root);
        ModelVersion v2 = f.versions.get(1);
        String sha = f.artifact("the forger's weights");
        ModelVersion unsigned = f.version("m", 3, ModelVersionKind.UNLEARNED, v2, sha, List.of(), v2.getExcludedSamplesDigest());
        ModelVersion otherKey = EventSignatures.sign(f.version("m", 4, ModelVersionKind.UNLEARNED, unsigned, sha, List.of(),
                v2.getExcludedSamplesDigest()), forger.getPrivate(), SigningKeys.keyId(forger.getPublic()));
        f.versions.set(3, otherKey);
        assertThat(otherKey.getLineageHash()).as("consistent: the lineage alone cannot tell")
                .isEqualTo(Digests.lineageHash(unsigned.getLineageHash(), sha, List.of()));
        f.reports.set(0, io.unlearn.events.EvaluationReport.newBuilder(f.reports.get(0)).setFailingCriteria(List.of("edited")).build());

        AuditResult r = Audit.verify(f.log(), Duration.ofMinutes(10), signers);

        assertThat(r.verified()).isFalse();
        List<Finding> found = r.failures().stream().filter(x -> x.check().equals("signatures")).toList();
        assertThat(found).extracting(Finding::subject).containsExactlyInAnyOrder("m@v3", "m@v4", "report of m@v2");
        assertThat(found).filteredOn(x -> x.subject().equals("m@v3")).singleElement().satisfies(x -> assertThat(x.message()).startsWith("unsigned"));
        assertThat(found).filteredOn(x -> x.subject().equals("m@v4")).singleElement().satisfies(x -> assertThat(x.message())
                .contains(SigningKeys.keyId(forger.getPublic())).contains("not a trusted worker key"));
        assertThat(found).filteredOn(x -> x.subject().equals("report of m@v2")).singleElement().satisfies(x -> assertThat(x.message())
                .contains("does not match its content"));
        assertThat(r.failures()).as("only the signatures tell").noneMatch(x -> x.check().equals("lineage"));
    }

    @Test
    void withoutTrustedKeysNothingIsCheckedAndTheAuditSaysSo(@TempDir Path root) throws Exception {
        AuditResult r = Audit.verify(AuditFixtures.consistent(root).log(), Duration.ofMinutes(10));
        assertThat(r.verified()).isTrue();
        assertThat(r.warnings()).filteredOn(w -> w.check().equals("signatures")).extracting(Finding::message)
                .anyMatch(m -> m.contains("--worker-keys")).anyMatch(m -> m.contains("--evaluator-keys"));
    }
}
