package io.unlearn.worker.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.SuppressedFeature;
import io.unlearn.events.SuppressionConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When follow-up versions are due: consolidation by count or by time, re-suppression after a weight change. */
class VersionFollowUpsTest {
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private static final String SHA = "a".repeat(64);

    @Test
    void consolidationIsDueByCountOrByTimeButNeverWithoutAnAppliedRequest() {
        ModelHeads heads = new ModelHeads();
        heads.onVersion(version(1, ModelVersionKind.BASE, List.of(), List.of(), T0));
        VersionFollowUps byTime = new VersionFollowUps(null, null, 0, Duration.ofHours(1));
        VersionFollowUps byCount = new VersionFollowUps(null, null, 3, Duration.ZERO);
        assertThat(byTime.consolidationDue("m", heads, T0.plus(Duration.ofHours(2)))).as("nothing applied yet").isFalse();

        heads.onVersion(version(2, ModelVersionKind.UNLEARNED, List.of("r1", "r2"), List.of(), T0.plusSeconds(60)));
        assertThat(byTime.consolidationDue("m", heads, T0.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(byTime.consolidationDue("m", heads, T0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(byCount.consolidationDue("m", heads, T0)).as("2 of 3 requests").isFalse();

        heads.onVersion(version(3, ModelVersionKind.UNLEARNED, List.of("r3"), List.of(), T0.plusSeconds(120)));
        assertThat(byCount.consolidationDue("m", heads, T0)).isTrue();

        heads.onVersion(version(4, ModelVersionKind.RETRAINED, List.of(), List.of(), T0.plus(Duration.ofHours(1))));
        assertThat(byCount.consolidationDue("m", heads, T0.plus(Duration.ofHours(3)))).isFalse();
        assertThat(byTime.consolidationDue("m", heads, T0.plus(Duration.ofHours(3)))).isFalse();
        assertThat(new VersionFollowUps(null, null, 0, Duration.ZERO).consolidationDue("m", heads, T0.plus(Duration.ofDays(9)))).isFalse();
    }

    @Test
    void suppressionsLapseOnlyWhenTheHeadChangedTheWeightsOfASuppressedParent() {
        ModelHeads heads = new ModelHeads();
        heads.onVersion(version(1, ModelVersionKind.BASE, List.of(), List.of(), T0));
        assertThat(VersionFollowUps.lapsedSuppressions("m", heads)).isEmpty();
        SuppressionConfig footwear = suppression("footwear");
        heads.onVersion(version(2, ModelVersionKind.SUPPRESSED, List.of("c1"), List.of(footwear), T0));
        assertThat(VersionFollowUps.lapsedSuppressions("m", heads)).as("head is the suppressed version itself").isEmpty();
        heads.onVersion(version(3, ModelVersionKind.UNLEARNED, List.of("r1"), List.of(), T0));
        assertThat(VersionFollowUps.lapsedSuppressions("m", heads)).containsExactly(footwear);
        heads.onVersion(version(4, ModelVersionKind.UNLEARNED, List.of("r2"), List.of(), T0));
        assertThat(VersionFollowUps.lapsedSuppressions("m", heads)).as("a second batch before the re-derivation")
                .containsExactly(footwear);
        assertThat(heads.inheritedSuppressions("m")).containsExactly(footwear);
        heads.onVersion(version(5, ModelVersionKind.SUPPRESSED, List.of(), List.of(suppression("footwear")), T0));
        assertThat(VersionFollowUps.lapsedSuppressions("m", heads)).as("re-derived").isEmpty();
        heads.onVersion(version(6, ModelVersionKind.RETRAINED, List.of(), List.of(), T0));
        assertThat(VersionFollowUps.lapsedSuppressions("m", heads)).extracting(SuppressionConfig::getConceptName).containsExactly("footwear");
        assertThat(VersionFollowUps.lapsedSuppressions("unknown", heads)).isEmpty();
    }

    private static ModelVersion version(long n, ModelVersionKind kind, List<String> requests, List<SuppressionConfig> active, Instant at) {
        return ModelVersion.newBuilder().setModelId("m").setVersion(n).setVersionId("m@v" + n)
                .setParentVersionId(n == 1 ? null : "m@v" + (n - 1)).setKind(kind).setMethod("x").setArtifactUri("file:/x/")
                .setArtifactSha256(SHA).setAppliedRequestIds(requests).setActiveSuppressions(active).setLineageHash(SHA)
                .setCreatedAt(at).build();
    }

    static SuppressionConfig suppression(String name) {
        return SuppressionConfig.newBuilder().setConceptName(name).setLayer("penultimate").setSaeArtifactUri("file:/sae/")
                .setSaeSha256(SHA).setDictionarySize(8).setDefaultScale(-0.5).setModelSha256(SHA)
                .setFeatures(List.of(SuppressedFeature.newBuilder().setIndex(1).setScore(0.2).setScale(-0.5).build())).build();
    }
}
