package io.unlearn.ml.sae;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import java.util.regex.Pattern;

/**
 * What an SAE belongs to and how it was made: part of its bytes, hence of its sha256, so two SAEs for
 * different model versions or layers never share an address.
 *
 * @param layer the layer name as {@link ModelLayer} names it, e.g. {@code penultimate}
 * @param parentModelSha256 the model version (checkpoint sha256) whose activations it was trained on
 * @param inputDim the layer width {@code d}
 * @param latents the dictionary size {@code h}
 * @param spec the spec it was trained with
 */
public record SaeIdentity(String layer, String parentModelSha256, int inputDim, int latents, SaeSpec spec) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Checks the fields. */
    public SaeIdentity {
        if (layer == null || layer.isBlank()) {
            throw new UnlearnException("SAE identity needs a layer name, e.g. " + ModelLayer.PENULTIMATE);
        }
        if (parentModelSha256 == null || !SHA256.matcher(parentModelSha256).matches()) {
            throw new UnlearnException("SAE parent model version '" + parentModelSha256 + "' is not a sha256; pass"
                    + " the checkpoint address (Classifier.sha256())");
        }
        if (inputDim < 1 || latents < 1) {
            throw new UnlearnException("SAE widths must be positive, were d=" + inputDim + ", h=" + latents);
        }
        if (spec == null) {
            throw new UnlearnException("SAE identity needs its spec");
        }
    }
}
