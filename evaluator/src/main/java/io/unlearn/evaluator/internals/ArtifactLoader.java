package io.unlearn.evaluator.internals;

import ai.djl.Device;
import io.unlearn.ml.artifact.ArtifactRefusedException;
import io.unlearn.ml.artifact.ArtifactResolver;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;

/**
 * Loads the artifacts a version names on this evaluator's device, never trusting the event
 * ({@link ArtifactResolver}: the URI must name the sha256 and the bytes are re-hashed). Any refusal is an
 * {@link ArtifactRefusedException}: the version is REJECTED without being evaluated.
 */
public final class ArtifactLoader {
    private final Device device;

    public ArtifactLoader(Device device) {
        this.device = device;
    }

    /** A model checkpoint. */
    public Classifier model(String uri, String sha256) {
        return ArtifactResolver.loadModel(uri, sha256, device);
    }

    /** A sparse autoencoder. */
    public SparseAutoencoder sae(String uri, String sha256) {
        return ArtifactResolver.loadSae(uri, sha256, device);
    }
}
