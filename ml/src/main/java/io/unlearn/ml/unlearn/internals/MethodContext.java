package io.unlearn.ml.unlearn.internals;

import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.train.BatchOrder;
import io.unlearn.ml.unlearn.Hyperparameters;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.Map;
import java.util.TreeMap;

/** What a method body needs: the task, resolved hyperparameters, a seeded order and progress reporting. */
public final class MethodContext {

    private final String method;
    private final UnlearningTask task;
    private final Hyperparameters hp;
    private final ProgressListener listener;
    private final BatchOrder order;
    private final Map<String, Double> lastLosses = new TreeMap<>();

    MethodContext(String method, UnlearningTask task, Hyperparameters hp, ProgressListener listener) {
        this.method = method;
        this.task = task;
        this.hp = hp;
        this.listener = listener;
        this.order = new BatchOrder(task.seed());
    }

    /** @return the task */
    public UnlearningTask task() { return task; }

    /** @return the forget / retain / test views */
    public ForgetSplit split() { return task.split(); }

    /** @return the resolved hyperparameters */
    public Hyperparameters hp() { return hp; }

    /** @return whether the {@code cosine} hyperparameter (0 or 1) asks to decay the rate to 0 along a cosine */
    public boolean cosine() { return hp.inRange("cosine", 0, 1) == 1; }

    /** @return the run's seeded batch order */
    public BatchOrder order() { return order; }

    /**
     * Reports one finished epoch of a phase.
     *
     * @param phase e.g. {@code ft} or {@code scrub/max}
     * @param epoch 1-based
     * @param epochs planned epochs
     * @param meanLoss the epoch's mean loss
     */
    public void epochDone(String phase, int epoch, int epochs, double meanLoss) {
        lastLosses.put(phase, meanLoss);
        listener.onProgress(new ProgressEvent(phase.startsWith(method) ? phase : method + "/" + phase, epoch, epochs,
                Map.of("loss", meanLoss)));
    }

    Map<String, Double> lastLosses() { return lastLosses; }
}
