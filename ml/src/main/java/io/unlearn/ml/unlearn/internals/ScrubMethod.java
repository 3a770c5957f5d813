package io.unlearn.ml.unlearn.internals;

import ai.djl.ndarray.NDArray;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.BatchOrder;
import io.unlearn.ml.train.Epochs;
import io.unlearn.ml.train.Losses;
import io.unlearn.ml.train.TrainSession;
import java.util.Map;

/**
 * SCRUB (Kurmanji et al., NeurIPS'23): the student starts as a copy of the original model (the frozen
 * teacher). Each epoch, while {@code epoch <= max_epochs}, a max-pass over the forget set maximises
 * KL(teacher ‖ student); then a min-pass over the retain set minimises
 * {@code gamma · CE + alpha · KL(teacher ‖ student)}. KL uses temperature T as in SCRUB's DistillKL.
 *
 * <p>The first max-pass starts where the student equals the teacher: there KL and its gradient are exactly 0 and
 * Adam takes no step, so the max-pass of epoch 1 changes nothing and a one-epoch run is only a fine-tune on the
 * retain set. The forget set is pushed away from the teacher from epoch 2 on, once the min-pass has moved the
 * student (SCRUB's code runs several epochs with its max-steps, and weight decay, for the same reason).
 *
 * <p>Defaults (Adam; SCRUB's code: T 4, alpha 1e-3, gamma 0.99, lr 5e-4, a few epochs): {@code epochs} 2,
 * {@code max_epochs} 2, {@code lr} 3e-4, {@code batch_size} 128, {@code temperature} 4, {@code alpha} 1e-3,
 * {@code gamma} 0.99, {@code cosine} 0 (1: cosine decay of the rate to 0 over the run). The rate was chosen on the
 * methods benchmark's CNN (random 10% set, seed 1; Avg. Gap to Retrain, doing nothing 3.73): 1e-4 3.34, 2e-4 2.89,
 * 3e-4 2.47, 5e-4 3.88 (UA reaches Retrain's but retain accuracy falls 6 points); over 3 seeds 3e-4 gives 2.49 on
 * the random set and 8.53 on the class set against 3.17 and 11.25 at 5e-4 (docs/BENCHMARKS.md). Even so SCRUB
 * stays behind FT, RL and EU-k there and runs at about 7× Retrain's speed (the teacher's forward passes).
 * The former default (1 epoch, lr 1e-4) was the fine-tune above at a low rate: UA 1.47 on the benchmark's random
 * setting against the untouched model's 1.02 and Retrain's 7.61. On the memorising fixture of
 * {@code MemorisedForgetSetTest} (batch 16), forget accuracy from 100% (Retrain 0%): 1 epoch at 1e-4 100%; 2 epochs
 * with 2 max-passes at 1e-4 88%, at 3e-4 60%, at 1e-3 20% but retain accuracy 93%; 3 epochs with 2 max-passes at
 * 5e-4 48% with retain intact; at the default 3e-4, 3 epochs 68%, so the test sizes SCRUB's run there to 5 epochs
 * with 4 max-passes (an MLP that memorised 60 relabelled samples needs more steps than the CNN).
 */
public final class ScrubMethod extends BaseMethod {

    /** Creates the method. */
    public ScrubMethod() {
        super("scrub", Map.of("epochs", 2, "max_epochs", 2, "lr", 3e-4, "batch_size", 128, "temperature", 4,
                "alpha", 1e-3, "gamma", 0.99, "cosine", 0));
    }

    @Override
    protected Classifier run(MethodContext ctx) {
        Classifier teacher = ctx.task().model();
        return onCopy(ctx, (c, student) -> {
            int epochs = c.hp().positiveInt("epochs");
            int maxEpochs = (int) c.hp().inRange("max_epochs", 0, epochs);
            int batch = c.hp().positiveInt("batch_size");
            double t = c.hp().positive("temperature");
            double alpha = c.hp().inRange("alpha", 0, 1e6);
            double gamma = c.hp().inRange("gamma", 0, 1e6);
            int steps = epochs * BatchOrder.batches(c.split().retain().size(), batch)
                    + maxEpochs * BatchOrder.batches(c.split().forget().size(), batch);
            try (TrainSession s = TrainSession.open(student, "scrub", c.hp().positive("lr"), c.cosine(), 0, steps)) {
                for (int e = 1; e <= epochs; e++) {
                    if (e <= maxEpochs) {
                        double max = Epochs.run(s, c.split().forget(), batch, c.order(), (m, b) -> {
                            NDArray target = teacher.logits(m, b.features());
                            return Losses.distillKl(s.forward(b.features()), target, t).neg();
                        });
                        c.epochDone("scrub/max", e, maxEpochs, max);
                    }
                    double min = Epochs.run(s, c.split().retain(), batch, c.order(), (m, b) -> {
                        NDArray target = teacher.logits(m, b.features());
                        NDArray logits = s.forward(b.features());
                        return Losses.crossEntropy(logits, b.labels()).mul((float) gamma)
                                .add(Losses.distillKl(logits, target, t).mul((float) alpha));
                    });
                    c.epochDone("scrub/min", e, epochs, min);
                }
            }
        });
    }
}
