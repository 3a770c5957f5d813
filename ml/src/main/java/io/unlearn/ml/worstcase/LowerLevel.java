package io.unlearn.ml.worstcase;

import ai.djl.Device;
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
import io.unlearn.ml.train.TrainSession;
import java.util.Random;

/**
 * The lower level of the search: θ_u(w), the method's unlearning of the weighted set, run from the original
 * parameters for K epochs of sign-SGD ({@code θ ← θ − lr·sign(∇θ)}, no momentum, no weight decay), as
 * {@code SignSGD.sign_step} of the seed code, whose lower levels are the methods' losses with the forget/retain split
 * made soft by w. The per-batch losses are the method's ({@link LowerLevelObjective}; batch means where the seed sums:
 * the sign is the same). With the sign step the implicit gradient of θ(w) vanishes, so the upper level needs only
 * the per-sample losses of the result.
 */
final class LowerLevel {

    private LowerLevel() {
    }

    /**
     * Runs the lower level on a fresh copy of the original model.
     *
     * @param objective the method's lower level
     * @param spec the original model's spec
     * @param original the original parameters ({@link Classifier#parameterBytes()})
     * @param device where to train
     * @param pool the candidate samples
     * @param w the selection weights, one per pool position, in [0, 1], summing to m
     * @param m the forget-set size (GA ascends on the top m of w)
     * @param epochs K, at least 1
     * @param lr sign-SGD step size
     * @param batchSize samples per step
     * @param order the search's seeded batch order (advanced by every epoch)
     * @param seed the search's seed (RL's random labels come from it)
     * @return θ_u(w); the caller closes it
     */
    static Classifier run(LowerLevelObjective objective, ModelSpec spec, byte[] original, Device device,
            DataView pool, double[] w, int m, int epochs, double lr, int batchSize, BatchOrder order, long seed) {
        float[] weight = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weight[i] = (float) w[i];
        }
        long[] wrongLabels = wrongLabels(pool, seed);
        Classifier model = Classifier.fromParameters(spec, original, device);
        // the sign step is applied here, not by trainer.step(): DJL rejects a first step whose gradients sum to 0,
        // which a batch of signs (or of samples all weighted 0) can legitimately do
        Optimizer unused = Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) lr)).build();
        try (TrainSession session = TrainSession.open(model, "worstcase/lower", unused, lr)) {
            java.util.Set<String> trained = objective.prepare(model);
            int[] positions = objective.positions(w, m);
            for (int e = 0; e < epochs; e++) {
                double decay = 1.0 - (double) e / epochs;
                int[] perm = shuffledOf(positions, order);
                for (int from = 0; from < perm.length; from += batchSize) {
                    int to = Math.min(perm.length, from + batchSize);
                    try (NDManager mgr = session.newManager()) {
                        float[] wb = new float[to - from];
                        long[] wrong = new long[to - from];
                        for (int i = from; i < to; i++) {
                            wb[i - from] = weight[perm[i]];
                            wrong[i - from] = wrongLabels[perm[i]];
                        }
                        NDArray x = pool.features(mgr, perm, from, to); // (B, inputShape...)
                        NDArray y = pool.labels(mgr, perm, from, to); // (B)
                        NDArray wt = mgr.create(wb); // (B)
                        NDArray yWrong = mgr.create(wrong); // (B)
                        session.accumulate(() -> objective.loss(model, mgr, session.forward(x), y, yWrong, wt, decay));
                        signStep(model, lr, trained);
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

    /** @return per pool position a seeded uniformly random label other than the true one (RL's relabelling) */
    static long[] wrongLabels(DataView pool, long seed) {
        Random random = new Random(seed ^ 0x5deece66dL);
        int classes = pool.source().numClasses();
        long[] out = new long[pool.size()];
        for (int i = 0; i < out.length; i++) {
            int wrong = random.nextInt(classes - 1);
            out[i] = wrong >= pool.label(i) ? wrong + 1 : wrong;
        }
        return out;
    }

    private static int[] shuffledOf(int[] positions, BatchOrder order) {
        int[] perm = order.shuffled(positions.length);
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = positions[perm[i]];
        }
        return out;
    }

    /** θ ← θ − lr·sign(∇θ) for the trained parameters (all when {@code trained} is null), in place. */
    private static void signStep(Classifier model, double lr, java.util.Set<String> trained) {
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            if (trained != null && !trained.contains(p.getKey())) {
                continue;
            }
            NDArray theta = p.getValue().getArray();
            try (NDArray g = theta.getGradient(); NDArray step = g.sign()) {
                theta.subi(step.muli((float) lr));
            }
        }
    }
}
