package io.unlearn.ml.unlearn.internals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.Epochs;
import io.unlearn.ml.train.Losses;
import io.unlearn.ml.train.TrainSession;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SalUn's weight saliency mask: 1 for the weights whose |∂ℓ_forget/∂θ| (gradient of the cross-entropy
 * summed over the whole forget set) is in the top {@code ratio} share across all parameters, 0 elsewhere.
 * Applying it multiplies each gradient element-wise by its mask, so only salient weights move.
 * Ties at the threshold are kept, so slightly more than {@code ratio} may be selected.
 */
final class SaliencyMask implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> masks;
    private final double selected;

    private SaliencyMask(NDManager manager, Map<String, NDArray> masks, double selected) {
        this.manager = manager;
        this.masks = masks;
        this.selected = selected;
    }

    static SaliencyMask compute(Classifier model, DataView forget, int batchSize, double ratio) {
        NDManager owner = model.newManager();
        try (TrainSession s = TrainSession.open(model, "salun/saliency", 1e-3, false, 0, 1)) {
            int[] order = forget.positions();
            for (int from = 0; from < order.length; from += batchSize) {
                int[] pos = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
                try (NDManager m = s.newManager()) {
                    var b = Epochs.batch(m, forget, pos);
                    // sum over batches of the per-batch mean loss, as SalUn's code accumulates them
                    s.accumulate(() -> Losses.crossEntropy(s.forward(b.features()), b.labels()));
                }
            }
            Map<String, float[]> magnitudes = new LinkedHashMap<>();
            int total = 0;
            for (Pair<String, Parameter> p : model.block().getParameters()) {
                try (NDArray g = p.getValue().getArray().getGradient(); NDArray a = g.abs()) {
                    float[] v = a.toFloatArray();
                    magnitudes.put(p.getKey(), v);
                    total += v.length;
                }
            }
            float[] all = new float[total];
            int k = 0;
            for (float[] v : magnitudes.values()) {
                System.arraycopy(v, 0, all, k, v.length);
                k += v.length;
            }
            Arrays.sort(all);
            int keep = (int) Math.round(ratio * total);
            float threshold = keep == 0 ? Float.POSITIVE_INFINITY : all[total - keep];
            Map<String, NDArray> masks = new LinkedHashMap<>();
            long ones = 0;
            for (Pair<String, Parameter> p : model.block().getParameters()) {
                float[] v = magnitudes.get(p.getKey());
                float[] mask = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    mask[i] = v[i] >= threshold ? 1f : 0f;
                    ones += (long) mask[i];
                }
                masks.put(p.getKey(), owner.create(mask, p.getValue().getArray().getShape()));
            }
            s.zeroGradients();
            return new SaliencyMask(owner, masks, (double) ones / total);
        } catch (RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    /** @return the share of weights the mask lets move */
    double selectedShare() {
        return selected;
    }

    /** @param parameters the model's parameters, after backward: their gradients are masked in place */
    void apply(Iterable<Pair<String, Parameter>> parameters) {
        for (Pair<String, Parameter> p : parameters) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                g.muli(masks.get(p.getKey()));
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
