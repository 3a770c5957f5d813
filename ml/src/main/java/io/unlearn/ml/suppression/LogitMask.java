package io.unlearn.ml.suppression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Classifier;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simplest way to remove a concept given by output classes: the wrapped model's logits of those classes are
 * set to {@link #MASKED_LOGIT} (−∞), so argmax and softmax never pick them and the other classes keep their order.
 * The weights are untouched and nothing is learnt; the cost is one addition of a {@code (numClasses)} vector per
 * batch. It is the baseline every label-level concept removal has to beat: it removes the classes exactly, but
 * says nothing about what the network still represents (a probe on the activations or fine-tuning the last layer
 * would find the concept again), and it cannot remove a concept that is not a set of output classes.
 *
 * <p>−∞ rather than a large finite value: {@code logSoftmax} gives −∞ for a masked class and exactly 0 probability,
 * and its gradient {@code softmax − onehot} stays finite (PyTorch's backward uses {@code exp(output)} = 0), so the
 * cross-entropy-driven PGD of {@link Attacks} runs and returns finite inputs (checked by {@code LogitMaskTest}).
 * The loss of a masked true label is +∞; callers that average such losses must expect it.
 */
public final class LogitMask implements InferenceModel, AutoCloseable {

    /** The logit a masked class gets. */
    public static final float MASKED_LOGIT = Float.NEGATIVE_INFINITY;

    private final InferenceModel inner;
    private final Set<Integer> maskedClasses;
    private final NDManager manager;
    private final NDArray offsets;

    private LogitMask(InferenceModel inner, Set<Integer> maskedClasses, NDManager manager, NDArray offsets) {
        this.inner = inner;
        this.maskedClasses = maskedClasses;
        this.manager = manager;
        this.offsets = offsets;
    }

    /**
     * @param inner the model whose logits are masked (stays open: the caller owns it)
     * @param classes the classes to mask; at least one, and at least one class must stay unmasked
     * @return the masked model (close it to free its offset vector)
     * @throws UnlearnException when a class is outside the model's classes, none is given, or all are
     */
    public static LogitMask of(InferenceModel inner, Set<Integer> classes) {
        int numClasses = inner.base().spec().numClasses();
        if (classes == null || classes.isEmpty() || classes.size() >= numClasses) {
            throw new UnlearnException("a logit mask needs between 1 and " + (numClasses - 1) + " classes of the "
                    + numClasses + ", got " + classes + "; mask only the concept's classes");
        }
        float[] offsets = new float[numClasses];
        for (int c : classes) {
            if (c < 0 || c >= numClasses) {
                throw new UnlearnException("cannot mask class " + c + ": the model has classes 0.." + (numClasses - 1));
            }
            offsets[c] = MASKED_LOGIT;
        }
        NDManager manager = inner.base().newManager();
        return new LogitMask(inner, Collections.unmodifiableSet(new TreeSet<>(classes)), manager, manager.create(offsets));
    }

    /**
     * @param model a classifier
     * @param classes the classes to mask
     * @return {@link #of(InferenceModel, Set)} on the plain classifier
     */
    public static LogitMask of(Classifier model, Set<Integer> classes) {
        return of(InferenceModel.of(model), classes);
    }

    @Override
    public NDArray logits(NDManager m, NDArray x) {
        return inner.logits(m, x).add(offsets);
    }

    /** The wrapped model's representation: a mask edits only the logits, so probes see what the inner model holds. */
    @Override
    public NDArray representation(NDManager m, NDArray x) {
        return inner.representation(m, x);
    }

    @Override
    public Classifier base() {
        return inner.base();
    }

    /** @return the masked classes */
    public Set<Integer> maskedClasses() {
        return maskedClasses;
    }

    @Override
    public void close() {
        manager.close();
    }
}
