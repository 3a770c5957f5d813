package io.unlearn.ml.worstcase;

import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.MetricsEvaluator;
import io.unlearn.ml.metrics.UnlearningMetrics;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Judges unlearning methods on one forget set (a random one, a worst-case one): Retrain on the set is the
 * reference, then each method runs on the same set and gets UA, MIA, RA, TA (io.unlearn.ml.metrics) and its
 * Avg. Gap to Retrain. Run it on a random set and on a {@link WorstCaseForgetSet} to compare.
 *
 * <pre>{@code
 * ForgetSetEvaluation.Result r = ForgetSetEvaluation.evaluate(model, data, worst.ids(), List.of("ft", "rl"),
 *         Map.of(), 1, listener);
 * }</pre>
 */
public final class ForgetSetEvaluation {

    private ForgetSetEvaluation() {
    }

    /**
     * One method's outcome on the set.
     *
     * @param method the method's name ({@code retrain} for the reference)
     * @param metrics UA, MIA, RA, TA in percent and the run time
     * @param avgGap Avg. Gap to Retrain on the same set, in points (0 for Retrain)
     */
    public record MethodScore(String method, UnlearningMetrics metrics, double avgGap) {
    }

    /**
     * Every method's outcome on one set.
     *
     * @param digest the set's digest ({@link WorstCaseForgetSet#digestOf})
     * @param forgetSize the number of forgotten samples
     * @param scores Retrain first, then the methods in the order asked
     */
    public record Result(String digest, int forgetSize, List<MethodScore> scores) {
        /** Copies the list. */
        public Result {
            scores = List.copyOf(scores);
        }

        /** @return Retrain's metrics (the reference) */
        public UnlearningMetrics retrain() {
            return scores.get(0).metrics();
        }
    }

    /**
     * Runs Retrain and the methods on one forget set and scores them.
     *
     * @param original the model to unlearn from (not modified)
     * @param data the dataset it was trained on
     * @param forgetIds the forget set
     * @param methods methods to compare with Retrain (names as in {@link UnlearningMethods}; "retrain" is skipped)
     * @param overrides hyperparameter overrides per method name (may be empty; Retrain's under "retrain")
     * @param seed seed of every run and of the MIA solver
     * @param listener receives each method's progress (stage prefixed with {@code evaluate/}) and one event per
     *     scored method ({@code evaluate/<method>/score})
     * @return the scores
     */
    public static Result evaluate(Classifier original, UnlearnDataset data, Collection<String> forgetIds,
            List<String> methods, Map<String, Map<String, Number>> overrides, long seed, ProgressListener listener) {
        UnlearningTask.Builder task = UnlearningTask.builder().setModel(original).setDataset(data)
                .setForgetIds(forgetIds).optSeed(seed);
        ForgetSplit split = task.build().split();
        List<MethodScore> scores = new ArrayList<>();
        UnlearningMetrics reference = null;
        List<String> all = new ArrayList<>(List.of("retrain"));
        methods.stream().filter(m -> !m.equalsIgnoreCase("retrain")).forEach(all::add);
        for (String method : all) {
            UnlearningTask t = task.optHyperparameters(overrides.getOrDefault(method, Map.of())).build();
            try (UnlearningResult r = UnlearningMethods.byName(method).unlearn(t, listener.prefixed("evaluate"))) {
                UnlearningMetrics m = MetricsEvaluator.evaluate(r.model(), split, r.report().seconds(), seed);
                reference = reference == null ? m : reference;
                MethodScore score = new MethodScore(method, m, m.avgGap(reference));
                scores.add(score);
                listener.onProgress(new ProgressEvent("evaluate/" + method + "/score", scores.size(), all.size(),
                        Map.of("ua", m.ua(), "mia", m.mia(), "ra", m.ra(), "ta", m.ta(), "avgGap", score.avgGap(),
                                "seconds", m.rteSeconds())));
            }
        }
        return new Result(WorstCaseForgetSet.digestOf(split.forgetIds()), split.forget().size(), scores);
    }
}
