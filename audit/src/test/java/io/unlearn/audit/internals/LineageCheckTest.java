package io.unlearn.audit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import io.unlearn.events.ModelVersionKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageCheckTest {
    @TempDir
    Path root;

    @Test
    void anUnbrokenChainVerifies() throws Exception {
        CheckResult r = new LineageCheck().run(AuditFixtures.consistent(root).log());
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isEqualTo(2);
    }

    @Test
    void changedAppliedRequestIdsAreAForgedVersionEvent() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.replaceVersion(1, b -> b.setAppliedRequestIds(List.of("r1", "r-smuggled")));
        CheckResult r = new LineageCheck().run(f.log());
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo("m@v2");
            assertThat(x.message()).startsWith("forged or altered version event m@v2").contains("r-smuggled");
        });
    }

    @Test
    void aSwappedArtifactShaIsAForgedVersionEventAndItsChildStillChainsToTheOriginal() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.version("m", 3, ModelVersionKind.UNLEARNED, f.versions.get(1), f.artifact("v3"), List.of(), "x");
        f.replaceVersion(1, b -> b.setArtifactSha256("f".repeat(64)));
        CheckResult r = new LineageCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("m@v2");
        assertThat(r.findings().get(0).message()).contains("forged or altered version event m@v2");
    }

    @Test
    void gapsDuplicatesAndWrongParentsAreNamed() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.version("m", 2, ModelVersionKind.UNLEARNED, f.versions.get(0), f.artifact("a second v2"), List.of(), null);
        f.version("m", 5, ModelVersionKind.UNLEARNED, f.versions.get(0), f.artifact("v5"), List.of(), null);
        CheckResult r = new LineageCheck().run(f.log());
        assertThat(r.findings()).extracting(Finding::line).anyMatch(l -> l.contains("duplicate version number 2 of m"))
                .anyMatch(l -> l.contains("version numbers of m jump from 2 to 5 (missing 3..4)"));
    }

    @Test
    void versionOneMustBeABaseWithoutParent() throws Exception {
        AuditFixtures f = AuditFixtures.consistent(root);
        f.replaceVersion(0, b -> b.setKind(ModelVersionKind.UNLEARNED));
        assertThat(new LineageCheck().run(f.log()).findings()).extracting(Finding::message)
                .containsExactly("version 1 must be a BASE with no parent, but is UNLEARNED with parent null");
    }
}
