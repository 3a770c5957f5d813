package io.unlearn.cli.audit;

import io.unlearn.events.ModelVersion;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.sae.SaeStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every artifact a version names still has the bytes it was published with: the model checkpoint
 * ({@code artifactUri}, a {@code file:} URI of {@code <root>/<sha256>/}, re-hashed with
 * {@link CheckpointStore#rehash}) and the SAE of each active suppression ({@code saeArtifactUri},
 * re-hashed with {@link SaeStore#rehash}). Each artifact is hashed once, however many versions share it.
 * URIs of other schemes (s3:, ...) cannot be read here and are warned about, not failed.
 */
public final class ArtifactCheck implements AuditCheck {
    static final String NAME = "artifacts";

    private record Artifact(String what, String uri, String sha256) {
    }

    @Override
    public CheckResult run(AuditLog log) {
        CheckResult.Builder result = new CheckResult.Builder(NAME, "every model and SAE artifact re-hashes to the sha256 its version records");
        Map<Artifact, Set<String>> users = new LinkedHashMap<>();
        for (ModelVersion v : log.versions()) {
            users.computeIfAbsent(new Artifact("model", v.getArtifactUri(), v.getArtifactSha256()), a -> new LinkedHashSet<>())
                    .add(v.getVersionId());
            List<SuppressionConfig> configs = new ArrayList<>(v.getActiveSuppressions());
            if (v.getSuppression() != null) {
                configs.add(v.getSuppression());
            }
            for (SuppressionConfig c : configs) {
                users.computeIfAbsent(new Artifact("SAE", c.getSaeArtifactUri(), c.getSaeSha256()), a -> new LinkedHashSet<>())
                        .add(v.getVersionId());
            }
        }
        users.forEach((artifact, versions) -> verify(artifact, versions, result));
        return result.build();
    }

    private static void verify(Artifact a, Set<String> versions, CheckResult.Builder result) {
        String subject = String.join(", ", versions);
        URI uri;
        try {
            uri = URI.create(a.uri());
        } catch (IllegalArgumentException e) {
            result.fail(subject, a.what() + " artifact URI '" + a.uri() + "' is not a URI: " + e.getMessage());
            return;
        }
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            result.warn(subject, a.what() + " artifact " + a.uri() + " is not a file: URI; it cannot be re-hashed here");
            return;
        }
        Path dir = Path.of(uri);
        if (dir.getFileName() == null || !dir.getFileName().toString().equals(a.sha256())) {
            result.fail(subject, a.what() + " artifact URI " + a.uri() + " does not end in its sha256 " + a.sha256()
                    + "; a content-addressed artifact is <root>/<sha256>/");
            return;
        }
        boolean model = a.what().equals("model");
        Path file = dir.resolve(model ? CheckpointStore.PARAMETERS_FILE : SaeStore.SAE_FILE);
        if (!Files.isRegularFile(file)) {
            result.fail(subject, "missing artifact: " + a.what() + " file " + file + " does not exist");
            return;
        }
        Function<String, String> rehash = model ? new CheckpointStore(dir.getParent())::rehash : new SaeStore(dir.getParent())::rehash;
        try {
            String actual = rehash.apply(a.sha256());
            if (actual.equals(a.sha256())) {
                result.pass();
            } else {
                result.fail(subject, "altered artifact: " + a.what() + " file " + file + " hashes to " + actual
                        + ", but the version records " + a.sha256());
            }
        } catch (UnlearnException e) {
            result.fail(subject, "missing artifact: " + e.getMessage());
        }
    }
}
