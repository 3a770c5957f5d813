package io.unlearn.ml.unlearn.internals;

import ai.djl.ndarray.NDArray;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.Batch;
import io.unlearn.ml.train.BatchOrder;
import io.unlearn.ml.train.Epochs;
import io.unlearn.ml.train.Losses;
import io.unlearn.ml.train.TrainSession;
import java.util.Arrays;
import java.util.Map;

/**
 * NegGrad+ (Kurmanji et al., SCRUB paper): descent on the retain set and ascent on the forget set in the
 * same step, {@code alpha · CE(retain batch) − (1 − alpha) · CE(forget batch)}. An epoch is one pass over
 * the retain set; forget batches are drawn in a seeded order, cycling when the forget set runs out.
 *
 * <p>Defaults (Adam): {@code epochs} 1, {@code lr} 1e-3, {@code batch_size} 128 (for both batches),
 * {@code alpha} 0.99 (0.95 let the ascent term dominate on the benchmark's first seed), {@code cosine} 0 (1: cosine decay to 0).
 */
public final class NegGradPlusMethod extends BaseMethod {

    /** Creates the method. */
    public NegGradPlusMethod() {
        super("neggrad+", Map.of("epochs", 1, "lr", 1e-3, "batch_size", 128, "alpha", 0.99, "cosine", 0));
    }

    @Override
    protected Classifier run(MethodContext ctx) {
        return onCopy(ctx, (c, model) -> {
            int epochs = c.hp().positiveInt("epochs");
            int batch = c.hp().positiveInt("batch_size");
            double alpha = c.hp().inRange("alpha", 0, 1);
            DataView forget = c.split().forget();
            int steps = epochs * BatchOrder.batches(c.split().retain().size(), batch);
            int[][] forgetOrder = {c.order().shuffled(forget.size())};
            int[] cursor = {0};
            try (TrainSession s = TrainSession.open(model, "neggrad+", c.hp().positive("lr"), c.cosine(), 0, steps)) {
                for (int e = 1; e <= epochs; e++) {
                    double loss = Epochs.run(s, c.split().retain(), batch, c.order(), (m, b) -> {
                        int take = Math.min(batch, forget.size());
                        if (cursor[0] + take > forget.size()) {
                            forgetOrder[0] = c.order().shuffled(forget.size());
                            cursor[0] = 0;
                        }
                        int[] pos = Arrays.copyOfRange(forgetOrder[0], cursor[0], cursor[0] + take);
                        cursor[0] += take;
                        Batch f = Epochs.batch(m, forget, pos);
                        NDArray retainLoss = Losses.crossEntropy(s.forward(b.features()), b.labels());
                        NDArray forgetLoss = Losses.crossEntropy(s.forward(f.features()), f.labels());
                        return retainLoss.mul((float) alpha).sub(forgetLoss.mul((float) (1 - alpha)));
                    });
                    c.epochDone("neggrad+", e, epochs, loss);
                }
            }
        });
    }
}
