package io.unlearn.ml.unlearn.internals;

import ai.djl.engine.Engine;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.unlearn.Hyperparameters;
import io.unlearn.ml.unlearn.RunReport;
import io.unlearn.ml.unlearn.UnlearningMethod;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Shared frame of every method: merges hyperparameters, seeds, times the run, builds the report,
 * and closes the new model when the body fails.
 */
public abstract class BaseMethod implements UnlearningMethod {

    private final String name;
    private final Hyperparameters defaults;

    /**
     * @param name the method's name
     * @param defaults its default hyperparameters
     */
    protected BaseMethod(String name, Map<String, ? extends Number> defaults) {
        this.name = name;
        this.defaults = Hyperparameters.of(name, defaults);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Hyperparameters defaults() {
        return defaults;
    }

    @Override
    public final UnlearningResult unlearn(UnlearningTask task, ProgressListener listener) {
        Hyperparameters hp = defaults.with(task.overrides());
        MethodContext ctx = new MethodContext(name, task, hp, listener);
        long start = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) task.seed());
        Classifier model = run(ctx);
        double seconds = (System.nanoTime() - start) / 1e9;
        RunReport report = new RunReport(name, hp.asMap(), task.seed(), task.split().forget().size(),
                task.split().retain().size(), seconds, task.model().sha256(), model.sha256(), ctx.lastLosses());
        return new UnlearningResult(model, report);
    }

    /**
     * The method's body.
     *
     * @param ctx the task, hyperparameters and reporting
     * @return a new model (never the task's model)
     */
    protected abstract Classifier run(MethodContext ctx);

    /**
     * Copies the task's model and applies {@code body} to the copy, closing it when the body fails.
     *
     * @param ctx the context
     * @param body updates the copy in place
     * @return the updated copy
     */
    protected static Classifier onCopy(MethodContext ctx, BiConsumer<MethodContext, Classifier> body) {
        Classifier model = ctx.task().model().copy();
        try {
            body.accept(ctx, model);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
