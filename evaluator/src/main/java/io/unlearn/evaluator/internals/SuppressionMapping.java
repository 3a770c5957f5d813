package io.unlearn.evaluator.internals;

import io.unlearn.events.ModelVersion;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.suppression.SuppressedFeature;
import java.util.List;

/**
 * Avro {@code io.unlearn.events.SuppressionConfig} → the engine's {@code io.unlearn.ml.suppression.SuppressionConfig}
 * (the worker maps the other way). {@code modelSha256} becomes the engine's {@code modelVersion}; records written
 * before that field existed fall back to the version's own artifact sha256.
 */
public final class SuppressionMapping {
    private SuppressionMapping() {
    }

    /** Every suppression in force for the version: activeSuppressions, or the single {@code suppression} of older records. */
    public static List<SuppressionConfig> active(ModelVersion v) {
        if (!v.getActiveSuppressions().isEmpty()) {
            return v.getActiveSuppressions();
        }
        return v.getSuppression() == null ? List.of() : List.of(v.getSuppression());
    }

    public static io.unlearn.ml.suppression.SuppressionConfig toEngine(SuppressionConfig c, String versionArtifactSha256) {
        return io.unlearn.ml.suppression.SuppressionConfig.builder()
                .setConceptName(c.getConceptName())
                .optConceptLabels(c.getConceptLabels())
                .setLayer(c.getLayer())
                .optSaeArtifactUri(c.getSaeArtifactUri())
                .setSaeSha256(c.getSaeSha256())
                .setDictionarySize(c.getDictionarySize())
                .optDefaultScale(c.getDefaultScale())
                .setFeatures(c.getFeatures().stream().map(f -> new SuppressedFeature(f.getIndex(), f.getScore(), f.getScale(), f.getThreshold())).toList())
                .setModelVersion(c.getModelSha256() != null ? c.getModelSha256() : versionArtifactSha256)
                .optClampValue(c.getClampValue())
                .optKeepErrorTerm(c.getKeepErrorTerm())
                .build();
    }
}
