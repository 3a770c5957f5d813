package io.unlearn.ml.sae;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;

/**
 * A trained (or freshly initialised) sparse autoencoder over one layer of one model version. Shapes, with
 * {@code d} the layer width and {@code h} the dictionary size: {@code W_enc (d, h)}, {@code b_enc (h)},
 * {@code W_dec (h, d)} (one unit-norm row per latent), {@code b_pre (d)}.
 *
 * <p>Arrays returned by {@link #encode} and {@link #decode} belong to the input's manager, so a caller's
 * per-chunk sub-manager frees them. Owns native memory: close it.
 */
public final class SparseAutoencoder implements AutoCloseable {

    private final SaeIdentity identity;
    private final NDManager manager;
    private final NDArray wEnc;
    private final NDArray bEnc;
    private final NDArray wDec;
    private final NDArray bPre;

    /**
     * An SAE over given arrays (shapes as in the class comment); it owns {@code manager} and closes it.
     * Training and {@link SaeStore} build SAEs; this is for hand-made dictionaries such as test fixtures.
     */
    public SparseAutoencoder(SaeIdentity identity, NDManager manager, NDArray wEnc, NDArray bEnc, NDArray wDec,
            NDArray bPre) {
        this.identity = identity;
        this.manager = manager;
        this.wEnc = wEnc;
        this.bEnc = bEnc;
        this.wDec = wDec;
        this.bPre = bPre;
    }

    /**
     * A fresh dictionary: random unit-norm decoder rows, {@code W_enc = W_decᵀ}, {@code b_enc = 0},
     * {@code b_pre} = the data mean (as the reference code).
     *
     * @param identity layer, parent model, widths and spec
     * @param mean the mean activation, {@code d} values
     * @param device where the parameters live
     * @return the SAE
     */
    public static SparseAutoencoder initialise(SaeIdentity identity, float[] mean, Device device) {
        int d = identity.inputDim();
        int h = identity.latents();
        Random random = new Random(identity.spec().seed());
        float[] dec = new float[h * d];
        for (int i = 0; i < h; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                dec[i * d + j] = (float) random.nextGaussian();
                norm += dec[i * d + j] * dec[i * d + j];
            }
            for (int j = 0; j < d; j++) {
                dec[i * d + j] /= (float) Math.sqrt(norm);
            }
        }
        NDManager m = NDManager.newBaseManager(device);
        NDArray wDec = m.create(dec, new Shape(h, d));
        return new SparseAutoencoder(identity, m, wDec.transpose().duplicate(), m.zeros(new Shape(h)), wDec,
                m.create(mean.clone()));
    }

    /** @return layer, parent model version, widths and spec */
    public SaeIdentity identity() { return identity; }

    /** @return the dictionary size {@code h} */
    public int latents() { return identity.latents(); }

    /** @return the layer width {@code d} */
    public int inputDim() { return identity.inputDim(); }

    /**
     * @param x activations {@code (B, d)}
     * @return pre-activations {@code W_enc (x − b_pre) + b_enc}, {@code (B, h)}
     */
    public NDArray preActivations(NDArray x) {
        return x.sub(bPre).matMul(wEnc).add(bEnc);
    }

    /**
     * @param x activations {@code (B, d)}
     * @return latent codes {@code z}, {@code (B, h)}, non-negative; at most k non-zero per row for TopK
     */
    public NDArray encode(NDArray x) {
        return activate(preActivations(x), identity.spec().kind() == SaeKind.TOPK ? identity.spec().k() : 0);
    }

    /**
     * @param pre pre-activations {@code (B, h)}
     * @param k keep the k largest per row, or 0 to keep every positive one
     * @return {@code ReLU(TopK(pre))}, {@code (B, h)}
     */
    public static NDArray activate(NDArray pre, int k) {
        NDArray relu = pre.maximum(0f);
        if (k <= 0 || k >= pre.getShape().get(1)) {
            return relu;
        }
        NDList top = pre.topK(k, 1, true, false);
        NDArray kth = top.get(0).min(new int[] {1}, true);
        return relu.mul(pre.gte(kth).toType(DataType.FLOAT32, false));
    }

    /**
     * @param z latent codes {@code (B, h)}
     * @return the reconstruction {@code z W_dec + b_pre}, {@code (B, d)}
     */
    public NDArray decode(NDArray z) {
        return z.matMul(wDec).add(bPre);
    }

    /** @return the decoder {@code (h, d)}: row i is latent i's direction (for suppression deltas) */
    public NDArray decoder() { return wDec; }

    /** @return the parameters in a fixed order: W_enc, b_enc, W_dec, b_pre (for training and serialising) */
    /** The trainable arrays, in file order: W_enc, b_enc, W_dec, b_pre (for the suppression pass and Adam). */
    public List<NDArray> parameters() { return List.of(wEnc, bEnc, wDec, bPre); }

    /** @return a manager under this SAE's own, for training state */
    NDManager newManager() { return manager.newSubManager(); }

    /** @return the parameters serialised with the identity (deterministic for equal SAEs) */
    public byte[] toBytes() {
        return SaeBytes.write(this);
    }

    /** @return the lower-case hex sha256 of {@link #toBytes()}: the SAE's content address */
    public String sha256() {
        return SaeBytes.sha256(toBytes());
    }

    @Override
    public void close() {
        manager.close();
    }
}
