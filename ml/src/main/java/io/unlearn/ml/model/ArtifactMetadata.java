package io.unlearn.ml.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * What is recorded next to a checkpoint's parameters: the spec (to rebuild the network), how the
 * parameters were produced, and from which parent.
 *
 * @param spec the architecture and training recipe
 * @param producedBy {@code train} or the unlearning method's name, e.g. {@code ft}
 * @param parentSha256 the checkpoint this one was derived from, or null for a model trained from scratch
 * @param hyperparameters the producing step's hyperparameters (sorted by key)
 */
public record ArtifactMetadata(ModelSpec spec, String producedBy, String parentSha256,
        Map<String, Object> hyperparameters) {

    /** Copies the map into key order, so the JSON is stable. */
    public ArtifactMetadata {
        hyperparameters = hyperparameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new TreeMap<>(hyperparameters));
    }

    /**
     * @param spec the spec
     * @return metadata of a model trained from scratch with {@code spec.training()}
     */
    public static ArtifactMetadata trained(ModelSpec spec) {
        return new ArtifactMetadata(spec, "train", null, Map.of());
    }
}
