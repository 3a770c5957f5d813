package io.unlearn.ml.unlearn.internals;

import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.BatchOrder;
import io.unlearn.ml.train.Epochs;
import io.unlearn.ml.train.Losses;
import io.unlearn.ml.train.TrainSession;
import java.util.Map;

/**
 * GA: gradient ascent on the forget set (minimise the negated cross-entropy). Fragile: a learning rate
 * ten times too high destroys the model within an epoch.
 *
 * <p>Defaults (Adam): {@code epochs} 5 (as Unlearn-Sparse), {@code lr} 1e-6 (the paper searches 1e-6..1e-4
 * with SGD; on the benchmark's memorising CNN, Adam at 1e-5 collapsed the model to 64% retain accuracy),
 * {@code batch_size} 128.
 */
public final class GradientAscentMethod extends BaseMethod {

    /** Creates the method. */
    public GradientAscentMethod() {
        super("ga", Map.of("epochs", 5, "lr", 1e-6, "batch_size", 128));
    }

    @Override
    protected Classifier run(MethodContext ctx) {
        return onCopy(ctx, (c, model) -> {
            int epochs = c.hp().positiveInt("epochs");
            int batch = c.hp().positiveInt("batch_size");
            int steps = epochs * BatchOrder.batches(c.split().forget().size(), batch);
            try (TrainSession s = TrainSession.open(model, "ga", c.hp().positive("lr"), false, 0, steps)) {
                for (int e = 1; e <= epochs; e++) {
                    double loss = Epochs.run(s, c.split().forget(), batch, c.order(),
                            (m, b) -> Losses.crossEntropy(s.forward(b.features()), b.labels()).neg());
                    c.epochDone("ga", e, epochs, loss);
                }
            }
        });
    }
}
