package io.unlearn.evaluator.internals;

import ai.djl.Device;
import io.unlearn.evaluator.EvaluatorException;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;

/**
 * Loads the artifacts a version names, never trusting the event: the {@code file:} URI must name a directory
 * called by the announced sha256 (content-addressed stores of the engine, {@code <root>/<sha256>/}), and the
 * engine's stores re-hash the bytes on load. Any refusal is an {@link ArtifactRefused}: the version is
 * REJECTED without being evaluated.
 */
public final class ArtifactLoader {
    private final Device device;

    public ArtifactLoader(Device device) {
        this.device = device;
    }

    /** A model checkpoint ({@code CheckpointStore}). */
    public Classifier model(String uri, String sha256) {
        Path dir = directoryOf(uri, sha256, "artifact");
        try {
            return new CheckpointStore(dir.getParent()).load(sha256, device);
        } catch (UnlearnException e) {
            throw new ArtifactRefused("artifact sha256 " + sha256 + " could not be verified at " + uri + ": " + e.getMessage());
        }
    }

    /** A sparse autoencoder ({@code SaeStore}, whose root is the parent of the SAE's directory). */
    public SparseAutoencoder sae(String uri, String sha256) {
        Path dir = directoryOf(uri, sha256, "SAE artifact");
        try {
            return new SaeStore(dir.getParent()).load(sha256, device);
        } catch (UnlearnException e) {
            throw new ArtifactRefused("SAE artifact sha256 " + sha256 + " could not be verified at " + uri + ": " + e.getMessage());
        }
    }

    private static Path directoryOf(String uri, String sha256, String what) {
        Path dir;
        try {
            dir = Path.of(URI.create(uri));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new ArtifactRefused(what + " URI '" + uri + "' is not a file: URI this evaluator can read (" + e.getMessage()
                    + "); the sha256 " + sha256 + " cannot be checked, so the version is not evaluated");
        }
        if (dir.getFileName() == null || !dir.getFileName().toString().equals(sha256)) {
            throw new ArtifactRefused(what + " URI " + uri + " does not name its sha256 " + sha256
                    + ": the version event and the content-addressed store disagree; the version cannot be trusted");
        }
        return dir;
    }

    /** The artifact a version names was refused (sha256 mismatch, missing, or a URI that does not name the hash). */
    public static final class ArtifactRefused extends EvaluatorException {
        public ArtifactRefused(String message) {
            super(message);
        }
    }
}
