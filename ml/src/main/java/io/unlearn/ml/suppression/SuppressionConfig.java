package io.unlearn.ml.suppression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SaeIdentity;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a suppressed model version removes one concept without changing weights. The first eight fields map
 * one to one onto the Avro record {@code io.unlearn.events.SuppressionConfig}; {@code modelVersion},
 * {@code clampValue} and {@code keepErrorTerm} have no Avro field yet (see the package overview). Invalid values
 * are refused on construction, also when read from JSON; checks against a model and an SAE happen in
 * {@link SuppressedModel#of}.
 *
 * <p>At inference, with {@code z} the SAE code of the layer's activations {@code x}: chosen latents become
 * {@code scale · zᵢ}, or {@code clampValue} for every input when set; the layer then gets
 * {@code decode(z') + (x − decode(z))} when {@code keepErrorTerm}, else {@code decode(z')}.
 *
 * @param conceptName human-readable concept name
 * @param conceptLabels the concept's class names (empty for a concept given by examples)
 * @param layer the layer name, as {@link ModelLayer} names it
 * @param saeArtifactUri where the SAE artifact lies (e.g. {@code file:/…/sae/<sha>/})
 * @param saeSha256 the SAE's content address
 * @param dictionarySize the SAE's number of latents
 * @param defaultScale γ, the multiplier of chosen latents unless a feature names its own (default −0.5)
 * @param features the chosen latents, highest score first
 * @param modelVersion the model version (checkpoint sha256) the config applies to
 * @param clampValue when not null, chosen latents are set to this value instead of scaled
 * @param keepErrorTerm whether the SAE's reconstruction error is added back (default true)
 */
public record SuppressionConfig(String conceptName, List<String> conceptLabels, String layer, String saeArtifactUri,
        String saeSha256, int dictionarySize, double defaultScale, List<SuppressedFeature> features,
        String modelVersion, Double clampValue, boolean keepErrorTerm) {

    /** SAUCE's default scale. */
    public static final double DEFAULT_SCALE = -0.5;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Checks every field, listing all problems at once. */
    public SuppressionConfig {
        List<String> p = new ArrayList<>();
        if (conceptName == null || conceptName.isBlank()) { p.add("conceptName is missing"); }
        if (layer == null || layer.isBlank()) { p.add("layer is missing (e.g. " + ModelLayer.PENULTIMATE + ")"); }
        if (saeSha256 == null || !SHA256.matcher(saeSha256).matches()) {
            p.add("saeSha256 '" + saeSha256 + "' is not 64 lower-case hex digits");
        }
        if (modelVersion == null || !SHA256.matcher(modelVersion).matches()) {
            p.add("modelVersion '" + modelVersion + "' is not a checkpoint sha256");
        }
        if (dictionarySize < 1) { p.add("dictionarySize must be positive, was " + dictionarySize); }
        if (!Double.isFinite(defaultScale)) { p.add("defaultScale must be finite, was " + defaultScale); }
        if (clampValue != null && !Double.isFinite(clampValue)) { p.add("clampValue must be finite, was " + clampValue); }
        if (features == null || features.isEmpty()) {
            p.add("features is empty: choose at least one latent (FeatureScores.top(k))");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (SuppressedFeature f : features) {
                if (f.index() < 0 || f.index() >= dictionarySize) {
                    p.add("unknown feature id " + f.index() + ": the dictionary has latents 0.." + (dictionarySize - 1));
                } else if (!seen.add(f.index())) {
                    p.add("feature id " + f.index() + " appears twice");
                }
                if (!Double.isFinite(f.scale())) { p.add("feature " + f.index() + " has scale " + f.scale()); }
                if (f.threshold() != null && (f.threshold().isNaN() || f.threshold() < 0)) {
                    p.add("feature " + f.index() + " has gate threshold " + f.threshold() + " (must be ≥ 0)");
                }
            }
        }
        if (!p.isEmpty()) {
            throw new UnlearnException("bad suppression config" + (conceptName == null ? "" : " for '" + conceptName
                    + "'") + ": " + String.join("; ", p) + "; rebuild it from the SAE's feature scores");
        }
        conceptLabels = conceptLabels == null ? List.of() : List.copyOf(conceptLabels);
        saeArtifactUri = saeArtifactUri == null ? "" : saeArtifactUri;
        features = List.copyOf(features);
    }

    /**
     * @param conceptName the concept
     * @param conceptLabels its class names
     * @param sae the SAE (gives layer, sha256, dictionary size and model version)
     * @param saeArtifactUri where the SAE is stored
     * @param scores the SAE's feature scores for the concept (their gates, for a TopK SAE, go into the features)
     * @param topK how many latents to suppress
     * @param scale γ for each of them
     * @param clampValue null to scale, else the clamp value
     * @param keepErrorTerm whether to add the reconstruction error back
     * @return the config
     */
    public static SuppressionConfig of(String conceptName, List<String> conceptLabels, SparseAutoencoder sae,
            String saeArtifactUri, FeatureScores scores, int topK, double scale, Double clampValue,
            boolean keepErrorTerm) {
        List<SuppressedFeature> chosen = new ArrayList<>();
        boolean gated = scores.gates() != null && sae.identity().spec().kind() == io.unlearn.ml.sae.SaeKind.TOPK;
        for (int i : scores.top(topK)) {
            chosen.add(new SuppressedFeature(i, scores.score()[i], scale, gated ? scores.gates()[i] : null));
        }
        SaeIdentity id = sae.identity();
        return new SuppressionConfig(conceptName, conceptLabels, id.layer(), saeArtifactUri, sae.sha256(),
                sae.latents(), scale, chosen, id.parentModelSha256(), clampValue, keepErrorTerm);
    }

    /** @return the config as JSON (camelCase keys, as the Avro field names) */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UnlearnException("cannot write suppression config as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param json a config written by {@link #toJson()}
     * @return the config, validated
     * @throws UnlearnException when the JSON is malformed or the config invalid
     */
    public static SuppressionConfig fromJson(String json) {
        try {
            return JSON.readValue(json, SuppressionConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnlearnException u) {
                throw u;
            }
            throw new UnlearnException("malformed suppression config JSON (" + e.getOriginalMessage()
                    + "); pass what SuppressionConfig.toJson() wrote", e);
        }
    }

    /** @return a builder: {@code set*} required, {@code opt*} optional; checked in {@code build()} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of a {@link SuppressionConfig} (e.g. when translating the Avro record). */
    public static final class Builder {
        private String conceptName;
        private List<String> conceptLabels = List.of();
        private String layer;
        private String saeArtifactUri = "";
        private String saeSha256;
        private int dictionarySize;
        private double defaultScale = DEFAULT_SCALE;
        private List<SuppressedFeature> features;
        private String modelVersion;
        private Double clampValue;
        private boolean keepErrorTerm = true;

        /** @param v concept name @return this */
        public Builder setConceptName(String v) { conceptName = v; return this; }
        /** @param v layer name @return this */
        public Builder setLayer(String v) { layer = v; return this; }
        /** @param v the SAE's sha256 @return this */
        public Builder setSaeSha256(String v) { saeSha256 = v; return this; }
        /** @param v the SAE's dictionary size @return this */
        public Builder setDictionarySize(int v) { dictionarySize = v; return this; }
        /** @param v the chosen latents @return this */
        public Builder setFeatures(List<SuppressedFeature> v) { features = v; return this; }
        /** @param v the model version (checkpoint sha256) @return this */
        public Builder setModelVersion(String v) { modelVersion = v; return this; }
        /** @param v class names (default none) @return this */
        public Builder optConceptLabels(List<String> v) { conceptLabels = v; return this; }
        /** @param v SAE location (default empty) @return this */
        public Builder optSaeArtifactUri(String v) { saeArtifactUri = v; return this; }
        /** @param v γ (default −0.5) @return this */
        public Builder optDefaultScale(double v) { defaultScale = v; return this; }
        /** @param v clamp value, or null to scale (default) @return this */
        public Builder optClampValue(Double v) { clampValue = v; return this; }
        /** @param v add the reconstruction error back (default true) @return this */
        public Builder optKeepErrorTerm(boolean v) { keepErrorTerm = v; return this; }

        /** @return the checked config (all problems listed at once) */
        public SuppressionConfig build() {
            return new SuppressionConfig(conceptName, conceptLabels, layer, saeArtifactUri, saeSha256, dictionarySize,
                    defaultScale, features, modelVersion, clampValue, keepErrorTerm);
        }
    }
}
