package io.unlearn.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Classifier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One optimisation run over a {@link Classifier}'s parameters with Adam: open it, then call
 * {@link #step} once per mini-batch with a function computing the scalar loss from
 * {@link #forward}. Closes DJL's {@link Trainer}; the model stays open.
 *
 * <pre>{@code
 * try (TrainSession s = TrainSession.open(model, "ft", 1e-3, false, 0, steps)) {
 *     try (NDManager m = model.newManager()) {
 *         NDArray x = ..., y = ...;                     // (B, 1, 28, 28), (B)
 *         s.step(() -> Losses.crossEntropy(s.forward(x), y));
 *     }
 * }
 * }</pre>
 */
public final class TrainSession implements AutoCloseable {

    private final Classifier model;
    private final Trainer trainer;
    private final String stage;
    private final double learningRate;
    private int steps;

    private TrainSession(Classifier model, Trainer trainer, String stage, double learningRate) {
        this.model = model;
        this.trainer = trainer;
        this.stage = stage;
        this.learningRate = learningRate;
    }

    /**
     * @param model the model to update in place
     * @param stage name used in error messages, e.g. {@code train} or {@code ga}
     * @param learningRate Adam's learning rate
     * @param cosine decay the rate to 0 along a cosine over {@code totalSteps}
     * @param weightDecay L2 weight decay
     * @param totalSteps planned steps (for the schedule)
     * @return the session
     */
    public static TrainSession open(Classifier model, String stage, double learningRate, boolean cosine,
            double weightDecay, int totalSteps) {
        Tracker tracker = cosine
                ? Tracker.cosine().setBaseValue((float) learningRate).optFinalValue(0f)
                        .setMaxUpdates(Math.max(1, totalSteps)).build()
                : Tracker.fixed((float) learningRate);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(tracker).optWeightDecays((float) weightDecay).build();
        return open(model, stage, adam, learningRate);
    }

    /**
     * Opens a session with any DJL optimiser (e.g. plain SGD for sign-SGD, with a gradient hook that takes
     * the sign of each gradient).
     *
     * @param model the model to update in place
     * @param stage name used in error messages
     * @param optimizer the optimiser
     * @param learningRate its (base) learning rate, for error messages
     * @return the session
     */
    public static TrainSession open(Classifier model, String stage, Optimizer optimizer, double learningRate) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer).optDevices(new ai.djl.Device[] {model.device()});
        Trainer trainer = model.model().newTrainer(config);
        // a loaded model's parameters only require gradients once the trainer is initialised
        trainer.initialize(new Shape(1).addAll(new Shape(model.spec().inputShapeArray())));
        return new TrainSession(model, trainer, stage, learningRate);
    }

    /**
     * Training-mode forward pass (gradients recorded inside {@link #step}).
     *
     * @param x batch {@code (B, inputShape...)}
     * @return logits {@code (B, numClasses)}
     */
    public NDArray forward(NDArray x) {
        return trainer.forward(new NDList(x)).singletonOrThrow();
    }

    /**
     * One update: computes the loss with gradients recorded, backpropagates, updates the parameters.
     *
     * @param loss computes a scalar loss
     * @return the loss value
     * @throws UnlearnException when the loss is NaN or infinite (nothing is updated)
     */
    public float step(Supplier<NDArray> loss) {
        return step(loss, null);
    }

    /**
     * One update with a hook that may edit the gradients in place before the optimiser applies them
     * (e.g. SalUn's saliency mask).
     *
     * @param loss computes a scalar loss
     * @param gradientHook called with the parameters after backward, or null
     * @return the loss value
     */
    public float step(Supplier<NDArray> loss, Consumer<Iterable<Pair<String, Parameter>>> gradientHook) {
        float value;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray l = loss.get();
            value = l.getFloat();
            if (!Float.isFinite(value)) {
                throw new UnlearnException(String.format("%s: loss became %s at step %d with learning rate %g;"
                        + " the model diverged and nothing was saved: lower the learning rate or the epochs,"
                        + " and check the inputs for NaN", stage, value, steps + 1, learningRate));
            }
            collector.backward(l);
        }
        if (gradientHook != null) {
            gradientHook.accept(model.block().getParameters());
        }
        trainer.step();
        steps++;
        return value;
    }

    /**
     * One update without reading the loss back to Java: the caller sums the returned losses on the device and checks
     * them once (the training loop does, per epoch), which saves a device round trip per step.
     *
     * @param loss computes a scalar loss
     * @return the loss, detached from the graph, owned by the loss's manager
     */
    public NDArray stepUnread(Supplier<NDArray> loss) {
        NDArray detached;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray l = loss.get();
            collector.backward(l);
            detached = l.stopGradient();
        }
        trainer.step();
        steps++;
        return detached;
    }

    /** @return the (base) learning rate, for error messages */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Backpropagates a loss without updating: gradients add up over calls until {@link #zeroGradients()}
     * (for saliency maps and per-sample gradients).
     *
     * @param loss computes a scalar loss
     * @return the loss value
     */
    public float accumulate(Supplier<NDArray> loss) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray l = loss.get();
            float value = l.getFloat();
            if (!Float.isFinite(value)) {
                throw new UnlearnException(stage + ": loss became " + value + " while accumulating gradients;"
                        + " check the inputs for NaN");
            }
            collector.backward(l);
            return value;
        }
    }

    /** Sets every parameter's gradient to zero. */
    public void zeroGradients() {
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                g.muli(0);
            }
        }
    }

    /** @return a manager for one batch's arrays (close it after the step) */
    public NDManager newManager() {
        return model.newManager();
    }

    /** @return the updates done so far */
    public int steps() {
        return steps;
    }

    @Override
    public void close() {
        trainer.close();
    }
}
