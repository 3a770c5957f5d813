package io.unlearn.ml.suppression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.List;
import java.util.TreeMap;

/**
 * One SAE's encode → edit → decode step of a {@link SuppressedModel}, merged from the configs that share the SAE.
 * Edited code {@code z'ᵢ = scaleᵢ · zᵢ + clampᵢ} on the chosen latents (scale 0 and clamp c for clamped ones).
 *
 * <p>With the error term kept, {@code decode(z') + (x − decode(z)) = x + (z' − z) W_dec} only involves the {@code m}
 * chosen latents: their decoder rows {@code (m, d)}, and for a ReLU SAE their encoder columns {@code (d, m)} too
 * (ReLU latents are independent), so the overhead is {@code 2·m·d} multiply-adds per sample. A TopK SAE needs every
 * pre-activation to find the k-th largest, unless every chosen feature carries a gate threshold
 * ({@link SuppressedFeature#threshold}): then latent i is {@code preᵢ · [preᵢ > θᵢ]} from its own column, as for
 * ReLU. Without the error term the full decode runs.
 */
final class SuppressionPass {

    private final SparseAutoencoder sae;
    private final boolean keepErrorTerm;
    private final long[] chosen;
    private final NDArray scale;
    private final NDArray clamp;
    private final NDArray decoderRows;
    private final NDArray encoderColumns;
    private final NDArray encoderBias;
    private final NDArray fullScale;
    private final NDArray fullClamp;
    /** Gate thresholds of the chosen latents of a TopK SAE, or null to run the full TopK encoder. */
    private final NDArray gates;

    private SuppressionPass(SparseAutoencoder sae, boolean keep, TreeMap<Integer, float[]> edits, NDManager m) {
        this.sae = sae;
        this.keepErrorTerm = keep;
        int h = sae.latents();
        int d = sae.inputDim();
        int n = edits.size();
        long[] idx = edits.keySet().stream().mapToLong(Integer::longValue).toArray();
        float[] s = new float[n];
        float[] c = new float[n];
        float[] g = new float[n];
        boolean gated = true;
        float[] fs = new float[h];
        float[] fc = new float[h];
        java.util.Arrays.fill(fs, 1f);
        int j = 0;
        for (var e : edits.entrySet()) {
            s[j] = e.getValue()[0];
            c[j] = e.getValue()[1];
            g[j++] = e.getValue()[3];
            gated &= !Float.isNaN(e.getValue()[3]);
            fs[e.getKey()] = e.getValue()[0];
            fc[e.getKey()] = e.getValue()[1];
        }
        List<NDArray> p = sae.parameters(); // W_enc (d, h), b_enc (h), W_dec (h, d), b_pre (d)
        float[] wEnc = p.get(0).toFloatArray();
        float[] bEnc = p.get(1).toFloatArray();
        float[] wDec = p.get(2).toFloatArray();
        float[] cols = new float[d * n];
        float[] bias = new float[n];
        float[] rows = new float[n * d];
        for (int k = 0; k < n; k++) {
            int i = (int) idx[k];
            bias[k] = bEnc[i];
            System.arraycopy(wDec, i * d, rows, k * d, d);
            for (int r = 0; r < d; r++) {
                cols[r * n + k] = wEnc[r * h + i];
            }
        }
        this.chosen = idx;
        this.scale = m.create(s);
        this.clamp = m.create(c);
        this.decoderRows = m.create(rows, new Shape(n, d));
        this.encoderColumns = m.create(cols, new Shape(d, n));
        this.encoderBias = m.create(bias);
        this.fullScale = m.create(fs);
        this.fullClamp = m.create(fc);
        this.gates = gated ? m.create(g) : null;
    }

    static SuppressionPass of(SparseAutoencoder sae, List<SuppressionConfig> configs, NDManager manager) {
        boolean keep = configs.get(0).keepErrorTerm();
        TreeMap<Integer, float[]> edits = new TreeMap<>(); // latent → {scale, clamp, clamped ? 1 : 0, gate or NaN}
        for (SuppressionConfig c : configs) {
            if (c.keepErrorTerm() != keep) {
                throw new UnlearnException("internal: configs '" + configs.get(0).conceptName() + "' and '"
                        + c.conceptName() + "' differ in keepErrorTerm and cannot share a pass; group them apart");
            }
            for (SuppressedFeature f : c.features()) {
                float[] old = edits.get(f.index());
                float gate = f.threshold() == null ? Float.NaN : (float) Math.min(f.threshold(), Float.MAX_VALUE);
                float[] next = c.clampValue() != null ? new float[] {0f, c.clampValue().floatValue(), 1f, gate}
                        : new float[] {(float) f.scale(), 0f, 0f, gate};
                edits.put(f.index(), old == null ? next : merge(old, next));
            }
        }
        return new SuppressionPass(sae, keep, edits, manager);
    }

    /** The stronger edit wins: a clamp over a scale, else the smaller clamp or the smaller scale. */
    private static float[] merge(float[] a, float[] b) {
        if (a[2] != b[2]) {
            return a[2] > 0 ? a : b;
        }
        return a[2] > 0 ? (a[1] <= b[1] ? a : b) : (a[0] <= b[0] ? a : b);
    }

    /**
     * @param acts layer activations {@code (B, d)}
     * @return the edited activations {@code (B, d)}, in the input's manager
     */
    NDArray apply(NDArray acts) {
        if (!keepErrorTerm) {
            NDArray z = sae.encode(acts);
            return sae.decode(z.mul(fullScale).add(fullClamp));
        }
        NDArray zChosen;
        if (sae.identity().spec().kind() == SaeKind.TOPK && gates == null) {
            NDArray index = acts.getManager().create(chosen).expandDims(0)
                    .repeat(0, acts.getShape().get(0)); // (B, m), in the caller's manager
            zChosen = sae.encode(acts).gather(index, 1);
        } else {
            NDArray bPre = sae.parameters().get(3);
            zChosen = acts.sub(bPre).matMul(encoderColumns).add(encoderBias).maximum(0f);
            if (gates != null) {
                zChosen = zChosen.mul(zChosen.gt(gates).toType(DataType.FLOAT32, false));
            }
        }
        NDArray edited = zChosen.mul(scale).add(clamp);
        return acts.add(edited.sub(zChosen).matMul(decoderRows));
    }
}
