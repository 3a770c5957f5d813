package io.unlearn.ml.unlearn.internals;

import ai.djl.ndarray.NDArray;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.Epochs;
import io.unlearn.ml.train.Losses;
import io.unlearn.ml.train.TrainSession;
import java.util.Map;

/**
 * FT and l1-sparse: continue training on the retain set only (catastrophic forgetting does the
 * work); l1-sparse adds {@code alpha_e · ‖θ‖₁} to the loss, with alpha decaying linearly over the
 * epochs as in the Unlearn-Sparse code ({@code alpha_e = alpha · (1 − e / epochs)}, e from 0).
 *
 * <p>Defaults (Adam; the papers use 10 epochs of SGD with lr in [0.01, 0.1], this project's budget is
 * Retrain's time / 10, i.e. two epochs): {@code epochs} 2, {@code lr} 6e-3 with {@code cosine} 1 (a warm
 * restart: the high rate shakes the memorised forget samples loose, the cosine decay to 0 lets the model
 * settle back on the retain set), {@code batch_size} 128, {@code alpha} 1e-4 and {@code lr} 5e-3 for
 * l1-sparse (the paper searches 1e-5..1e-3). Chosen on seeds 1 and 2 of the methods benchmark's random
 * setting (see docs/BENCHMARKS.md): constant lr 1e-3 for one epoch barely forgot (Avg. Gap 3.1); with the
 * cosine restart, lr 5e-3 forgot too little, 7e-3 to 1e-2 cost retain accuracy and overshot MIA on seed 2;
 * three epochs did better (1.0) but exceed the time budget. {@code cosine} 0 keeps the rate constant.
 */
public final class FineTuneMethod extends BaseMethod {

    private final boolean l1;

    private FineTuneMethod(String name, Map<String, Number> defaults, boolean l1) {
        super(name, defaults);
        this.l1 = l1;
    }

    /** @return FT */
    public static FineTuneMethod fineTune() {
        return new FineTuneMethod("ft", Map.of("epochs", 2, "lr", 6e-3, "batch_size", 128, "cosine", 1), false);
    }

    /** @return l1-sparse */
    public static FineTuneMethod l1Sparse() {
        return new FineTuneMethod("l1-sparse", Map.of("epochs", 2, "lr", 5e-3, "batch_size", 128, "alpha", 1e-4, "cosine", 1),
                true);
    }

    @Override
    protected Classifier run(MethodContext ctx) {
        return onCopy(ctx, (c, model) -> {
            int epochs = c.hp().positiveInt("epochs");
            int batch = c.hp().positiveInt("batch_size");
            double alpha = l1 ? c.hp().inRange("alpha", 0, 1) : 0;
            int steps = epochs * io.unlearn.ml.train.BatchOrder.batches(c.split().retain().size(), batch);
            boolean cosine = c.cosine();
            try (TrainSession s = TrainSession.open(model, name(), c.hp().positive("lr"), cosine, 0, steps)) {
                for (int e = 0; e < epochs; e++) {
                    double a = alpha * (1.0 - (double) e / epochs);
                    double loss = Epochs.run(s, c.split().retain(), batch, c.order(), (m, b) -> {
                        NDArray ce = Losses.crossEntropy(s.forward(b.features()), b.labels());
                        return a > 0 ? ce.add(Losses.l1Norm(model, m).mul((float) a)) : ce;
                    });
                    c.epochDone(name(), e + 1, epochs, loss);
                }
            }
        });
    }

}
