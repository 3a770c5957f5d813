package io.unlearn.ml.artifact;

import ai.djl.Device;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place where an artifact URI from a version event becomes verified local files. The event is never
 * trusted: the URI must be a {@code file:} URI of a content-addressed directory {@code <root>/<sha256>/} named
 * by the announced sha256, and the engine's stores re-hash the bytes on every load.
 *
 * <p>Loads ({@link #loadModel}, {@link #loadSae}) throw {@link ArtifactRefusedException}; {@link #verify}
 * re-hashes without loading and returns an {@link ArtifactVerification} (for auditors, who report rather than
 * throw, and who cannot read other schemes such as {@code s3:}).
 */
public final class ArtifactResolver {
    private ArtifactResolver() {
    }

    /**
     * @return the model the URI names, after its parameter file re-hashed to {@code sha256} (close it)
     * @throws ArtifactRefusedException when the URI does not name the hash, or the bytes are missing or differ
     */
    public static Classifier loadModel(String uri, String sha256, Device device) {
        Path dir = directory(ArtifactKind.MODEL, uri, sha256);
        try {
            return new CheckpointStore(dir.getParent()).load(sha256, device);
        } catch (ArtifactRefusedException e) {
            throw e;
        } catch (UnlearnException e) {
            throw new ArtifactRefusedException("model artifact sha256 " + sha256 + " could not be verified at " + uri
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the sparse autoencoder the URI names, after its file re-hashed to {@code sha256} (close it)
     * @throws ArtifactRefusedException when the URI does not name the hash, or the bytes are missing or differ
     */
    public static SparseAutoencoder loadSae(String uri, String sha256, Device device) {
        Path dir = directory(ArtifactKind.SAE, uri, sha256);
        try {
            return new SaeStore(dir.getParent()).load(sha256, device);
        } catch (UnlearnException e) {
            throw new ArtifactRefusedException("SAE artifact sha256 " + sha256 + " could not be verified at " + uri
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Re-hashes the artifact without loading it.
     *
     * @return VERIFIED, NOT_LOCAL (a URI of another scheme: it cannot be re-hashed here), or REFUSED with why
     */
    public static ArtifactVerification verify(ArtifactKind kind, String uri, String sha256) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ArtifactVerification.refused(kind.label() + " artifact URI '" + uri + "' is not a URI: " + e.getMessage());
        }
        if (!"file".equalsIgnoreCase(parsed.getScheme())) {
            return ArtifactVerification.notLocal(kind.label() + " artifact " + uri
                    + " is not a file: URI; it cannot be re-hashed here");
        }
        Path dir;
        try {
            dir = directory(kind, uri, sha256);
        } catch (ArtifactRefusedException e) {
            return ArtifactVerification.refused(e.getMessage());
        }
        Path file = dir.resolve(kind.hashedFile());
        if (!Files.isRegularFile(file)) {
            return ArtifactVerification.refused("missing artifact: " + kind.label() + " file " + file + " does not exist");
        }
        try {
            String actual = kind == ArtifactKind.MODEL
                    ? new CheckpointStore(dir.getParent()).rehash(sha256)
                    : new SaeStore(dir.getParent()).rehash(sha256);
            return actual.equals(sha256)
                    ? ArtifactVerification.verified()
                    : ArtifactVerification.refused("altered artifact: " + kind.label() + " file " + file + " hashes to "
                            + actual + ", but the version records " + sha256);
        } catch (UnlearnException e) {
            return ArtifactVerification.refused("missing artifact: " + e.getMessage());
        }
    }

    /**
     * @return the local directory {@code <root>/<sha256>/} the URI names
     * @throws ArtifactRefusedException when it is not a readable {@code file:} URI or its last segment is not the sha256
     */
    private static Path directory(ArtifactKind kind, String uri, String sha256) {
        Path dir;
        try {
            dir = Path.of(URI.create(uri));
        } catch (IllegalArgumentException | FileSystemNotFoundException | NullPointerException e) {
            throw new ArtifactRefusedException(kind.label() + " artifact URI '" + uri + "' is not a file: URI that can be"
                    + " read here (" + e.getMessage() + "); the sha256 " + sha256 + " cannot be checked");
        }
        if (dir.getFileName() == null || !dir.getFileName().toString().equals(sha256)) {
            throw new ArtifactRefusedException(kind.label() + " artifact URI " + uri + " does not end in its sha256 "
                    + sha256 + ": the version event and the content-addressed store <root>/<sha256>/ disagree;"
                    + " the version cannot be trusted");
        }
        return dir;
    }
}
