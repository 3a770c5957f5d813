package io.unlearn.ml.metrics;

/**
 * Per-sample outputs of a model on a view, in view order.
 *
 * @param trueLabelProbability softmax probability of each sample's true label
 * @param loss per-sample cross-entropy
 * @param predicted predicted class (arg-max of the logits)
 * @param labels true labels
 * @param logOdds the true label's log-odds, z_y − logsumexp of the other logits: the same order as −loss in exact
 *     arithmetic, but it does not saturate. In float32 a confidently right sample's loss and 1 − probability round to
 *     exactly 0 (from a logit margin of about 17), so a well-trained model gives most training AND test samples the same
 *     loss; the log-odds still ranks them (it is the score per-example attacks such as LiRA use)
 */
public record Predictions(float[] trueLabelProbability, float[] loss, int[] predicted, int[] labels, float[] logOdds) {

    /** Predictions whose log-odds are derived from the loss (saturating; for outputs given as losses, e.g. in tests). */
    public Predictions(float[] trueLabelProbability, float[] loss, int[] predicted, int[] labels) {
        this(trueLabelProbability, loss, predicted, labels, logOddsOf(loss));
    }

    private static float[] logOddsOf(float[] loss) {
        float[] out = new float[loss.length];
        for (int i = 0; i < loss.length; i++) {
            double l = Math.max(loss[i], 1e-30);
            out[i] = (float) (-l - Math.log(-Math.expm1(-l)));
        }
        return out;
    }

    /** @return the number of samples */
    public int size() {
        return labels.length;
    }

    /** @return share of samples predicted correctly, in [0, 1] (NaN when empty) */
    public double accuracy() {
        if (labels.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /** @return mean per-sample cross-entropy */
    public double meanLoss() {
        double sum = 0;
        for (float l : loss) {
            sum += l;
        }
        return sum / loss.length;
    }

    /**
     * @param positions positions in this view, in the order wanted
     * @return the predictions of those samples only
     */
    public Predictions select(int[] positions) {
        float[] p = new float[positions.length];
        float[] l = new float[positions.length];
        int[] pr = new int[positions.length];
        int[] lb = new int[positions.length];
        float[] o = new float[positions.length];
        for (int i = 0; i < positions.length; i++) {
            p[i] = trueLabelProbability[positions[i]];
            l[i] = loss[positions[i]];
            pr[i] = predicted[positions[i]];
            lb[i] = labels[positions[i]];
            o[i] = logOdds[positions[i]];
        }
        return new Predictions(p, l, pr, lb, o);
    }
}
