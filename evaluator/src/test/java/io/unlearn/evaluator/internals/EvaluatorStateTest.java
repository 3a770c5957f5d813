package io.unlearn.evaluator.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.Verdict;
import io.unlearn.events.WorstCaseChallenge;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorStateTest {
    static ModelVersion version(int n, ModelVersionKind kind) {
        return ModelVersion.newBuilder().setModelId("m").setVersion(n).setVersionId("m@v" + n).setParentVersionId(n == 1 ? null : "m@v" + (n - 1))
                .setKind(kind).setMethod("ft").setArtifactUri("file:/x/" + n).setArtifactSha256("s" + n).setLineageHash("h")
                .setCreatedAt(Instant.EPOCH).build();
    }

    static ForgottenSample forgotten(String sample, String model, String versionId) {
        return ForgottenSample.newBuilder().setSampleId(sample).setRequestId("r").setModelId(model).setVersionId(versionId)
                .setForgottenAt(Instant.EPOCH).build();
    }

    private static EvaluationReport report(String versionId, Double ta, boolean challenge) {
        EvaluationReport.Builder b = EvaluationReport.newBuilder().setVersionId(versionId).setModelId("m").setVersion(2).setMethod("ft")
                .setTestAccuracy(ta).setVerdict(Verdict.CERTIFIED).setEvaluatedAt(Instant.EPOCH);
        if (challenge) {
            b.setWorstCase(WorstCaseChallenge.newBuilder().setForgetSetSize(1).setCandidatePoolSize(4).setForgetSetDigest("d")
                    .setOuterSteps(1).setInnerSteps(1).setSeed(1).setPassed(true).build());
        }
        return b.build();
    }

    @Test
    void theCumulativeForgetSetFollowsTheLineageAndIgnoresOtherModelsAndLaterVersions() {
        EvaluatorState s = new EvaluatorState();
        for (int n = 1; n <= 4; n++) {
            s.onVersion(version(n, n == 1 ? ModelVersionKind.BASE : n == 4 ? ModelVersionKind.RETRAINED : ModelVersionKind.UNLEARNED), 0);
        }
        s.onForgotten(forgotten("a", "m", "m@v2"));
        s.onForgotten(forgotten("b", "m", "m@v3"));
        s.onForgotten(forgotten("c", "other", "m@v2"));
        s.onForgotten(forgotten("d", "m", "m@v9"));
        assertThat(s.cumulativeForgetSet(s.version("m@v2").orElseThrow())).containsExactly("a");
        assertThat(s.cumulativeForgetSet(s.version("m@v3").orElseThrow())).containsExactly("a", "b");
        assertThat(s.cumulativeForgetSet(s.version("m@v4").orElseThrow())).as("a RETRAINED version inherits its ancestors' set")
                .containsExactly("a", "b");
        assertThat(s.lineage(s.version("m@v4").orElseThrow())).containsExactly("m@v4", "m@v3", "m@v2", "m@v1");
    }

    @Test
    void reportsSeparateTheBasicStageFromTheChallengeAndTheFirstBasicReportWins() {
        EvaluatorState s = new EvaluatorState();
        s.onVersion(version(1, ModelVersionKind.BASE), 0);
        s.onVersion(version(2, ModelVersionKind.UNLEARNED), 0);
        s.onVersion(version(3, ModelVersionKind.UNLEARNED), 1);
        s.onVersion(version(4, ModelVersionKind.UNLEARNED), 0);
        s.onReport(report("m@v2", 80.0, false));
        s.onReport(report("m@v2", 10.0, false));
        s.onReport(report("m@v3", 80.0, false));
        s.onReport(EvaluationReport.newBuilder(report("m@v4", null, false)).setVerdict(Verdict.REJECTED).build());
        assertThat(s.basicReport("m@v2").orElseThrow().getTestAccuracy()).isEqualTo(80.0);
        assertThat(s.challengesDue(List.of(0))).as("v3 is on another partition, v4 was refused (a challenge cannot change a REJECTED)")
                .extracting(ModelVersion::getVersionId).containsExactly("m@v2");
        s.onReport(report("m@v2", 80.0, true));
        assertThat(s.challengeReported("m@v2")).isTrue();
        assertThat(s.challengesDue(List.of(0, 1))).extracting(ModelVersion::getVersionId).containsExactly("m@v3");
        s.onVersion(ModelVersion.newBuilder(version(5, ModelVersionKind.UNLEARNED)).setSupersedes(List.of("m@v3")).build(), 1);
        assertThat(s.isSuperseded("m@v3")).isTrue();
        assertThat(s.challengesDue(List.of(0, 1))).as("a superseded version is not challenged").isEmpty();
    }
}
