package io.unlearn.ml.sae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;

/** Measures an SAE's {@link SaeQuality} on a view, chunk by chunk. */
public final class SaeEvaluation {

    private SaeEvaluation() {
    }

    /**
     * @param layer the layer the SAE was trained on (its model is the SAE's parent)
     * @param sae the SAE
     * @param view held-out samples (e.g. the test set)
     * @return FVU, mean L0, dead share and accuracy with and without the SAE spliced in
     */
    public static SaeQuality evaluate(ModelLayer layer, SparseAutoencoder sae, DataView view) {
        if (!layer.name().equals(sae.identity().layer()) || layer.width() != sae.inputDim()) {
            throw new UnlearnException("the SAE reads layer " + sae.identity().layer() + " (width " + sae.inputDim()
                    + ") but was given layer " + layer.name() + " (width " + layer.width() + "); pass its own layer");
        }
        Activations acts = ActivationCapture.capture(layer, view);
        float[] mean = acts.mean();
        double residual = 0;
        double total = 0;
        double l0 = 0;
        boolean[] fired = new boolean[sae.latents()];
        int correctWith = 0;
        int correctWithout = 0;
        int[] positions = view.positions();
        for (int from = 0; from < view.size(); from += ActivationCapture.DEFAULT_CHUNK) {
            int to = Math.min(view.size(), from + ActivationCapture.DEFAULT_CHUNK);
            try (NDManager m = layer.model().newManager()) {
                NDArray x = acts.range(m, from, to);
                NDArray z = sae.encode(x);
                NDArray xHat = sae.decode(z);
                residual += x.sub(xHat).square().sum().getFloat();
                total += x.sub(m.create(mean)).square().sum().getFloat();
                NDArray active = z.gt(0f).toType(DataType.FLOAT32, false);
                l0 += active.sum().getFloat();
                float[] perLatent = active.sum(new int[] {0}).toFloatArray();
                for (int i = 0; i < perLatent.length; i++) {
                    fired[i] |= perLatent[i] > 0;
                }
                int[] labels = view.labels(m, positions, from, to).toType(DataType.INT32, false).toIntArray();
                int[] with = Classifier.predictedClasses(layer.logitsFrom(m, xHat));
                int[] without = Classifier.predictedClasses(layer.logitsFrom(m, x));
                for (int i = 0; i < labels.length; i++) {
                    correctWith += with[i] == labels[i] ? 1 : 0;
                    correctWithout += without[i] == labels[i] ? 1 : 0;
                }
            }
        }
        int dead = 0;
        for (boolean f : fired) {
            dead += f ? 0 : 1;
        }
        int n = view.size();
        return new SaeQuality(residual / Math.max(total, 1e-12), l0 / n, (double) dead / fired.length,
                100.0 * correctWithout / n, 100.0 * correctWith / n, n);
    }

}
