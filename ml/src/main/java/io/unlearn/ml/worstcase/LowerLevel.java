package io.unlearn.ml.worstcase;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.train.BatchOrder;
import io.unlearn.ml.train.Epochs;
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
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) lr)).optWeightDecays(0f).build();
        try (TrainSession session = TrainSession.open(model, "worstcase/lower", sgd, lr)) {
            for (int e = 0; e < epochs; e++) {
                Epochs.run(session, pool, batchSize, order, (m, b) -> {
                    float[] weights = new float[b.positions().length];
                    for (int i = 0; i < weights.length; i++) {
                        weights[i] = keep[b.positions()[i]];
                    }
                    NDArray perSample = Losses.crossEntropyPerSample(session.forward(b.features()), b.labels());
                    return perSample.mul(m.create(weights)).mean();
                }, LowerLevel::signOfGradients);
            }
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Replaces every gradient by its sign, in place: the optimiser's plain SGD step then is a sign step. */
    private static void signOfGradients(Iterable<Pair<String, Parameter>> parameters) {
        for (Pair<String, Parameter> p : parameters) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                g.signi();
            }
        }
    }
}
