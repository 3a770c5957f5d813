package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.artifact.ArtifactKind;
import io.unlearn.ml.artifact.ArtifactResolver;
import io.unlearn.ml.artifact.ArtifactVerification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every artifact a version names still has the bytes it was published with: the model checkpoint
 * ({@code artifactUri}, a {@code file:} URI of {@code <root>/<sha256>/}, and the SAE of each active
 * suppression ({@code saeArtifactUri}), re-hashed by {@link ArtifactResolver#verify}. Each artifact is hashed once, however many versions share it.
 * URIs of other schemes (s3:, ...) cannot be read here and are warned about, not failed.
 */
public final class ArtifactCheck extends AuditCheck {
    private record Artifact(ArtifactKind kind, String uri, String sha256) {
    }

    public ArtifactCheck() {
        super("artifacts", "every model and SAE artifact re-hashes to the sha256 its version records");
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        Map<Artifact, Set<String>> users = new LinkedHashMap<>();
        for (ModelVersion v : log.versions()) {
            users.computeIfAbsent(new Artifact(ArtifactKind.MODEL, v.getArtifactUri(), v.getArtifactSha256()), a -> new LinkedHashSet<>())
                    .add(v.getVersionId());
            List<SuppressionConfig> configs = new ArrayList<>(v.getActiveSuppressions());
            if (v.getSuppression() != null) {
                configs.add(v.getSuppression());
            }
            for (SuppressionConfig c : configs) {
                users.computeIfAbsent(new Artifact(ArtifactKind.SAE, c.getSaeArtifactUri(), c.getSaeSha256()), a -> new LinkedHashSet<>())
                        .add(v.getVersionId());
            }
        }
        users.forEach((artifact, versions) -> verify(artifact, versions, result));
    }

    private static void verify(Artifact a, Set<String> versions, CheckResultBuilder result) {
        String subject = String.join(", ", versions);
        ArtifactVerification v = ArtifactResolver.verify(a.kind(), a.uri(), a.sha256());
        switch (v.outcome()) {
            case VERIFIED -> result.pass();
            case NOT_LOCAL -> result.warn(subject, v.message());
            case REFUSED -> result.fail(subject, v.message());
        }
    }
}
