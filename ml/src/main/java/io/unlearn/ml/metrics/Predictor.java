package io.unlearn.ml.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.Losses;

/** Runs a model over a view in chunks, each chunk in its own NDManager so memory stays flat. */
public final class Predictor {

    /** Samples per inference chunk. */
    public static final int CHUNK = 1000;

    private Predictor() {
    }

    /**
     * @param model the model
     * @param view the samples
     * @return per-sample probabilities of the true label, losses and predictions
     */
    public static Predictions predict(Classifier model, DataView view) {
        int n = view.size();
        float[] prob = new float[n];
        float[] loss = new float[n];
        int[] predicted = new int[n];
        int[] labels = new int[n];
        float[] logOdds = new float[n];
        int[] positions = view.positions();
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            try (NDManager m = model.newManager()) {
                NDArray x = view.features(m, positions, from, to);
                NDArray y = view.labels(m, positions, from, to);
                NDArray logits = model.logits(m, x);
                NDArray lossPer = Losses.crossEntropyPerSample(logits, y);
                System.arraycopy(lossPer.toFloatArray(), 0, loss, from, to - from);
                System.arraycopy(lossPer.neg().exp().toFloatArray(), 0, prob, from, to - from);
                System.arraycopy(logits.argMax(1).toType(DataType.INT32, false).toIntArray(), 0, predicted, from,
                        to - from);
                System.arraycopy(trueLabelLogOdds(logits, y).toFloatArray(), 0, logOdds, from, to - from);
            }
            for (int i = from; i < to; i++) {
                labels[i] = view.label(i);
            }
        }
        return new Predictions(prob, loss, predicted, labels, logOdds);
    }

    /** z_y − logsumexp_{j≠y} z_j per row, computed stably (max-shifted), the true class masked out by −1e30. */
    private static NDArray trueLabelLogOdds(NDArray logits, NDArray labels) {
        NDArray index = labels.toType(DataType.INT64, false).reshape(-1, 1);
        NDArray trueLogit = logits.gather(index, 1).reshape(-1);
        NDArray others = logits.add(labels.toType(DataType.INT32, false).oneHot((int) logits.getShape().get(1)).toType(DataType.FLOAT32, false)
                .mul(-1e30f));
        NDArray max = others.max(new int[] {1}, true);
        NDArray logSumExp = others.sub(max).exp().sum(new int[] {1}).log().add(max.reshape(-1));
        return trueLogit.sub(logSumExp);
    }
}
