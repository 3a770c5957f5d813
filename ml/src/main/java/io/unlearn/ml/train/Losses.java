package io.unlearn.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.model.Classifier;
import ai.djl.ndarray.types.DataType;

/** Loss functions on logits, as the unlearning methods need them. Shapes: logits {@code (B, C)}, labels {@code (B)}. */
public final class Losses {

    private Losses() {
    }

    /**
     * @param logits {@code (B, C)}
     * @param labels {@code (B)}, integer class indices
     * @return per-sample cross-entropy {@code (B)}
     */
    public static NDArray crossEntropyPerSample(NDArray logits, NDArray labels) {
        NDArray index = labels.toType(DataType.INT64, false).reshape(-1, 1);
        return logits.logSoftmax(1).gather(index, 1).reshape(-1).neg();
    }

    /**
     * @param logits {@code (B, C)}
     * @param labels {@code (B)}
     * @return mean cross-entropy, a scalar
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return crossEntropyPerSample(logits, labels).mean();
    }

    /**
     * Distillation divergence KL(teacher ‖ student) at temperature T, averaged over the batch, as in
     * SCRUB's {@code DistillKL}: {@code KL(softmax(t/T) ‖ softmax(s/T)) · T²}.
     *
     * @param studentLogits {@code (B, C)}
     * @param teacherLogits {@code (B, C)}, no gradient needed
     * @param temperature T, positive (scalars are cast to float32: a Java double would promote the loss to float64)
     * @return the divergence, a scalar
     */
    public static NDArray distillKl(NDArray studentLogits, NDArray teacherLogits, double temperature) {
        NDArray logPs = studentLogits.div((float) temperature).logSoftmax(1);
        NDArray logPt = teacherLogits.div((float) temperature).logSoftmax(1);
        NDArray pt = logPt.exp();
        return pt.mul(logPt.sub(logPs)).sum(new int[] {1}).mean().mul((float) (temperature * temperature));
    }

    /**
     * @param model the model being trained (parameters with gradients attached)
     * @param m the batch's manager, owner of the intermediate arrays
     * @return ‖θ‖₁ over all parameters, a scalar (l1-sparse's penalty, also in its worst-case lower level)
     */
    public static NDArray l1Norm(Classifier model, NDManager m) {
        NDArray sum = m.zeros(new Shape());
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            NDArray abs = p.getValue().getArray().abs();
            abs.attach(m); // results of parameter ops belong to the model's manager: keep memory flat
            NDArray s = abs.sum();
            s.attach(m);
            sum = sum.add(s);
        }
        return sum;
    }
}
