package io.unlearn.ml.unlearn.internals;

import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import java.util.Map;

/**
 * Retrain: exact unlearning, the reference. Builds a fresh model from the original spec and trains it
 * from scratch on the retain set only, with the original recipe and the task's seed. Never reads a
 * forgotten sample.
 *
 * <p>Hyperparameters: {@code epochs} (default 0 = the original recipe's epochs).
 */
public final class RetrainMethod extends BaseMethod {

    /** Creates the method. */
    public RetrainMethod() {
        super("retrain", Map.of("epochs", 0));
    }

    @Override
    protected io.unlearn.ml.model.Classifier run(MethodContext ctx) {
        ModelSpec original = ctx.task().model().spec();
        TrainingSpec.Builder recipe = original.training().toBuilder().optSeed(ctx.task().seed());
        int epochs = (int) ctx.hp().inRange("epochs", 0, 100_000);
        if (epochs > 0) {
            recipe.optEpochs(epochs);
        }
        ModelSpec spec = original.withTraining(recipe.build());
        ModelTraining.Trained trained = ModelTraining.trainNew(spec, ctx.split().retain(), ctx.task().model().device(),
                e -> ctx.epochDone("retrain", e.step(), e.totalSteps(), e.value("loss")));
        return trained.model();
    }
}
