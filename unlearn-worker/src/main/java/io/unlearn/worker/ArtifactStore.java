package io.unlearn.worker;

import ai.djl.Device;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.Classifier;

/**
 * Where model artifacts live, addressed by the sha256 of their bytes. Written before a version is
 * published; verified on every read, so a tampered artifact is refused. The filesystem implementation is
 * {@link FileArtifactStore}; an object store can implement the same three calls.
 */
public interface ArtifactStore {

    /** Stores the model (idempotent for identical parameters) and returns where it is. */
    StoredArtifact put(Classifier model, ArtifactMetadata metadata);

    /**
     * Loads the artifact at {@code uri} after checking its bytes hash to {@code sha256}.
     *
     * @throws WorkerException when it is missing or its hash differs (tampered or corrupt)
     */
    Classifier load(String uri, String sha256, Device device);

    /** The address and URI of a stored artifact. */
    record StoredArtifact(String uri, String sha256) {
    }
}
