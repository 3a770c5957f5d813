package io.unlearn.audit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.schemas.Digests;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcludedSamplesCheckTest {
    @TempDir
    Path root;

    @Test
    void digestsCoveringTheLineagesForgottenSamplesVerify() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.version("m", 3, ModelVersionKind.RETRAINED, f.versions.get(1), f.artifact("retrained"), List.of(),
                Digests.forgetSetDigest(List.of("s2", "s1")));
        CheckResult r = new ExcludedSamplesCheck().run(f.log());
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isEqualTo(3);
    }

    @Test
    void aDigestThatLeavesOutAForgottenSampleIsAMismatch() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.version("m", 3, ModelVersionKind.RETRAINED, f.versions.get(1), f.artifact("retrained on s2 again"), List.of(),
                Digests.forgetSetDigest(List.of("s1")));
        CheckResult r = new ExcludedSamplesCheck().run(f.log());
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo("m@v3");
            assertThat(x.message()).startsWith("excluded-samples digest mismatch").contains("the 2 sample(s) forgotten by it and its ancestors");
        });
    }

    @Test
    void aNullDigestAfterAncestorsForgotIsAFailureAndBaseMayNotClaimExclusions() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.version("m", 3, ModelVersionKind.SUPPRESSED, f.versions.get(1), f.versions.get(1).getArtifactSha256(), List.of(), null);
        f.replaceVersion(0, b -> b.setExcludedSamplesDigest(Digests.forgetSetDigest(List.of("s1"))));
        CheckResult r = new ExcludedSamplesCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("m@v1", "m@v3");
        assertThat(r.findings().get(1).message()).startsWith("excludedSamplesDigest is null although it and its ancestors forgot 2");
    }
}
