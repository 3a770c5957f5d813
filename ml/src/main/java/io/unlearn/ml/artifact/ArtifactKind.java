package io.unlearn.ml.artifact;

import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.sae.SaeStore;

/** The two kinds of content-addressed artifact a model version names, with the file whose bytes are hashed. */
public enum ArtifactKind {
    /** A model checkpoint ({@link CheckpointStore}): the hash covers {@value CheckpointStore#PARAMETERS_FILE}. */
    MODEL("model", CheckpointStore.PARAMETERS_FILE),
    /** A sparse autoencoder ({@link SaeStore}): the hash covers {@value SaeStore#SAE_FILE}. */
    SAE("SAE", SaeStore.SAE_FILE);

    private final String label;
    private final String hashedFile;

    ArtifactKind(String label, String hashedFile) {
        this.label = label;
        this.hashedFile = hashedFile;
    }

    /** How messages name this kind ("model", "SAE"). */
    public String label() {
        return label;
    }

    /** The file inside {@code <root>/<sha256>/} whose bytes the sha256 covers. */
    public String hashedFile() {
        return hashedFile;
    }
}
