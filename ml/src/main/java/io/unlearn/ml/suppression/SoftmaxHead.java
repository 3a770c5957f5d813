package io.unlearn.ml.suppression;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Classifier;
import java.util.List;

/**
 * A classifier's head (its final linear layer, {@code logits = W·x + b}) copied to the heap, and fine-tuned there by
 * softmax regression: full-batch gradient descent on the mean cross-entropy, warm-started from the copied weights.
 *
 * <p>Hand-written rather than Smile's or DJL's: a relearning attack must start from the head's current weights,
 * and Smile's logistic regression has no warm start (it always fits from zero); a DJL trainer would also need the
 * process-wide gradient collector ({@code TrainingLock}) for what is a few hundred multiply-adds per sample.
 *
 * <p>The loss is the weighted mean cross-entropy {@code Σ wᵢ·CE(xᵢ, yᵢ)} (weights summing to 1). Step size:
 * {@code stepSize / Σ wᵢ(‖xᵢ‖² + 1)}: the loss's gradient is Lipschitz with constant at most
 * {@code ½·Σ wᵢ(‖xᵢ‖² + 1)} (softmax curvature ≤ ½), so {@code stepSize} below 4 cannot diverge whatever the layer's
 * scale, and one setting fits every model.
 */
final class SoftmaxHead {

    private final int classes;
    private final int width;
    private final double[] weights; // (classes, width), row-major
    private final double[] bias;

    private SoftmaxHead(int classes, int width, double[] weights, double[] bias) {
        this.classes = classes;
        this.width = width;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param model a classifier whose head is one linear layer
     * @return a copy of its head's weights
     * @throws UnlearnException when the head is not one weight matrix and one bias
     */
    static SoftmaxHead of(Classifier model) {
        List<Parameter> p = model.head().getParameters().stream().map(Pair::getValue).toList();
        Parameter w = p.stream().filter(x -> x.getType() == Parameter.Type.WEIGHT).findFirst().orElse(null);
        Parameter b = p.stream().filter(x -> x.getType() == Parameter.Type.BIAS).findFirst().orElse(null);
        if (p.size() != 2 || w == null || b == null || w.getArray().getShape().dimension() != 2) {
            throw new UnlearnException("a relearning attack fine-tunes a head of one linear layer, but this "
                    + model.spec().architecture() + " model's head has parameters " + model.head().getParameters()
                    .keys() + "; attack a model built by Networks");
        }
        long[] shape = w.getArray().getShape().getShape();
        return new SoftmaxHead((int) shape[0], (int) shape[1], toDouble(w.getArray().toFloatArray()),
                toDouble(b.getArray().toFloatArray()));
    }

    /** @return the input width the head expects */
    int width() { return width; }

    /**
     * @param x row-major {@code (n, width)} features
     * @param labels the true class of each row
     * @param sampleWeights the weight of each row in the loss, non-negative, summing to 1
     * @param steps full-batch gradient steps
     * @param stepSize step size in units of {@code 1 / Σ wᵢ(‖xᵢ‖² + 1)}
     * @return a fine-tuned copy; this head is unchanged
     */
    SoftmaxHead fineTuned(float[] x, int[] labels, double[] sampleWeights, int steps, double stepSize) {
        int n = labels.length;
        double curvature = 0;
        for (int i = 0; i < n; i++) {
            double norm = 1;
            for (int j = 0; j < width; j++) {
                norm += (double) x[i * width + j] * x[i * width + j];
            }
            curvature += sampleWeights[i] * norm;
        }
        double lr = stepSize / curvature;
        double[] w = weights.clone();
        double[] b = bias.clone();
        SoftmaxHead current = new SoftmaxHead(classes, width, w, b);
        double[] p = new double[classes];
        for (int step = 0; step < steps; step++) {
            double[] gw = new double[w.length];
            double[] gb = new double[classes];
            for (int i = 0; i < n; i++) {
                current.probabilities(x, i, p);
                p[labels[i]] -= 1;
                for (int c = 0; c < classes; c++) {
                    double g = sampleWeights[i] * p[c];
                    gb[c] += g;
                    for (int j = 0; j < width; j++) {
                        gw[c * width + j] += g * x[i * width + j];
                    }
                }
            }
            for (int k = 0; k < w.length; k++) {
                w[k] -= lr * gw[k];
            }
            for (int c = 0; c < classes; c++) {
                b[c] -= lr * gb[c];
            }
        }
        return current;
    }

    /**
     * @param x row-major {@code (n, width)} features
     * @param n the rows
     * @return the class with the largest logit, per row
     */
    int[] predict(float[] x, int n) {
        int[] out = new int[n];
        for (int row = 0; row < n; row++) {
            double top = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double z = logit(x, row, c);
                if (z > top) {
                    top = z;
                    out[row] = c;
                }
            }
        }
        return out;
    }

    private void probabilities(float[] x, int row, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            out[c] = logit(x, row, c);
            max = Math.max(max, out[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < classes; c++) {
            out[c] /= sum;
        }
    }

    private double logit(float[] x, int row, int c) {
        double z = bias[c];
        for (int j = 0; j < width; j++) {
            z += weights[c * width + j] * x[row * width + j];
        }
        return z;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
