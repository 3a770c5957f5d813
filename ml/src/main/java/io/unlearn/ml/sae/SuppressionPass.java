package io.unlearn.ml.sae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.UnlearnException;
import java.util.Arrays;
import java.util.List;

/**
 * One SAE's encode → edit → decode step of a {@link SuppressedModel}, merged from the configs that share the SAE.
 * Edited code {@code z' = z · scale + clamp} (per-latent vectors of length h: scale 1 and clamp 0 for latents not
 * chosen, scale 0 and clamp c for clamped ones).
 */
final class SuppressionPass {

    private final SparseAutoencoder sae;
    private final NDArray scale;
    private final NDArray clamp;
    private final boolean anyClamp;
    private final boolean keepErrorTerm;

    private SuppressionPass(SparseAutoencoder sae, NDArray scale, NDArray clamp, boolean anyClamp,
            boolean keepErrorTerm) {
        this.sae = sae;
        this.scale = scale;
        this.clamp = clamp;
        this.anyClamp = anyClamp;
        this.keepErrorTerm = keepErrorTerm;
    }

    static SuppressionPass of(SparseAutoencoder sae, List<SuppressionConfig> configs, NDManager manager) {
        int h = sae.latents();
        float[] scale = new float[h];
        float[] clamp = new float[h];
        boolean[] clamped = new boolean[h];
        boolean[] scaled = new boolean[h];
        Arrays.fill(scale, 1f);
        boolean keep = configs.get(0).keepErrorTerm();
        for (SuppressionConfig c : configs) {
            if (c.keepErrorTerm() != keep) {
                throw new UnlearnException("suppression configs '" + configs.get(0).conceptName() + "' and '"
                        + c.conceptName() + "' share SAE " + c.saeSha256() + " but disagree on keepErrorTerm; build"
                        + " them with the same setting");
            }
            for (SuppressedFeature f : c.features()) {
                int i = f.index();
                if (c.clampValue() != null) {
                    float v = c.clampValue().floatValue();
                    clamp[i] = clamped[i] ? Math.min(clamp[i], v) : v;
                    clamped[i] = true;
                    scale[i] = 0f;
                } else if (!clamped[i]) {
                    scale[i] = scaled[i] ? Math.min(scale[i], (float) f.scale()) : (float) f.scale();
                    scaled[i] = true;
                }
            }
        }
        boolean anyClamp = false;
        for (boolean b : clamped) {
            anyClamp |= b;
        }
        return new SuppressionPass(sae, manager.create(scale), manager.create(clamp), anyClamp, keep);
    }

    /**
     * @param acts layer activations {@code (B, d)}
     * @return the edited activations {@code (B, d)}, in the input's manager
     */
    NDArray apply(NDArray acts) {
        NDArray z = sae.encode(acts);
        NDArray edited = z.mul(scale);
        if (anyClamp) {
            edited = edited.add(clamp);
        }
        if (keepErrorTerm) {
            // decode(z') + (x − decode(z)) = x + (z' − z) W_dec: the bias cancels
            return acts.add(edited.sub(z).matMul(sae.decoder()));
        }
        return sae.decode(edited);
    }
}
