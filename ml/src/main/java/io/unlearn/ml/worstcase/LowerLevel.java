package io.unlearn.ml.worstcase;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.train.BatchOrder;
import io.unlearn.ml.train.Losses;
import io.unlearn.ml.train.TrainSession;

/**
 * The lower level of the search: unlearning modelled as weighted fine-tuning from the original parameters,
 * {@code K} epochs over the pool minimising the batch mean of {@code (1 − wᵢ)·ℓᵢ(θ)} with sign-SGD
 * ({@code θ ← θ − lr·sign(∇θ)}, no momentum, no weight decay), as {@code w_FT} with {@code SignSGD.sign_step} of
 * the seed code (which sums instead of averaging: the sign of the gradient is the same). Samples with
 * {@code wᵢ = 1} are not trained on at all; with the sign step the implicit gradient of θ(w) vanishes, so the
 * upper level needs only the per-sample losses of the result.
 */
final class LowerLevel {

    private LowerLevel() {
    }

    /**
     * Runs the weighted fine-tuning on a fresh copy of the original model.
     *
     * @param spec the original model's spec
     * @param original the original parameters ({@link Classifier#parameterBytes()})
     * @param device where to train
     * @param pool the candidate samples
     * @param w the selection weights, one per pool position, in [0, 1]
     * @param epochs K, at least 1
     * @param lr sign-SGD step size
     * @param batchSize samples per step
     * @param order the search's seeded batch order (advanced by every epoch)
     * @return the fine-tuned model θ_u(w); the caller closes it
     */
    static Classifier fineTune(ModelSpec spec, byte[] original, ai.djl.Device device, DataView pool, double[] w,
            int epochs, double lr, int batchSize, BatchOrder order) {
        float[] keep = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            keep[i] = (float) (1 - w[i]);
        }
        Classifier model = Classifier.fromParameters(spec, original, device);
        // the sign step is applied here, not by trainer.step(): DJL rejects a first step whose gradients sum to 0,
        // which a batch of signs (or of samples all weighted 0) can legitimately do
        Optimizer unused = Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) lr)).build();
        try (TrainSession session = TrainSession.open(model, "worstcase/lower", unused, lr)) {
            for (int e = 0; e < epochs; e++) {
                int[] perm = order.shuffled(pool.size());
                for (int from = 0; from < perm.length; from += batchSize) {
                    int to = Math.min(perm.length, from + batchSize);
                    try (NDManager m = session.newManager()) {
                        float[] weights = new float[to - from];
                        for (int i = from; i < to; i++) {
                            weights[i - from] = keep[perm[i]];
                        }
                        NDArray x = pool.features(m, perm, from, to); // (B, inputShape...)
                        NDArray y = pool.labels(m, perm, from, to); // (B)
                        NDArray weight = m.create(weights); // (B)
                        session.accumulate(() -> Losses.crossEntropyPerSample(session.forward(x), y).mul(weight).mean());
                        signStep(model, lr);
                        session.zeroGradients();
                    }
                }
            }
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** θ ← θ − lr·sign(∇θ) for every parameter, in place (outside gradient recording). */
    private static void signStep(Classifier model, double lr) {
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            NDArray theta = p.getValue().getArray();
            try (NDArray g = theta.getGradient(); NDArray step = g.sign()) {
                theta.subi(step.muli((float) lr));
            }
        }
    }
}
