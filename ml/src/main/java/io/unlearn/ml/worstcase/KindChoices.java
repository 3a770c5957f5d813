package io.unlearn.ml.worstcase;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.BatchOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The two kinds of {@link ChallengeSets} that need no unlearning run: a random draw and the lowest-loss set. */
final class KindChoices {

    private KindChoices() {
    }

    /**
     * The first m positions of a shuffle of the pool seeded with the challenge's seed: uniform over the m-subsets of
     * the pool (class-stratified only in expectation, as the pool is).
     */
    static WorstCaseForgetSet random(ChallengeSets c, Classifier model, String dataset, DataView pool, long start) {
        int[] chosen = Arrays.copyOf(new BatchOrder(c.seed()).shuffled(pool.size()), c.forgetSize());
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            scores.add(1.0);
        }
        return set(c, model, dataset, pool, chosen, scores, new SearchCost(seconds(start), 0, 0, 0, 0));
    }

    /**
     * The m pool samples with the lowest per-sample loss under the model; ties (a memorising model's float32 losses
     * round to exactly 0 for most samples) are broken by the higher log-odds of the true label, which orders as the
     * loss does without saturating, then by pool position. Scores are the losses.
     */
    static WorstCaseForgetSet lowestLoss(ChallengeSets c, Classifier model, String dataset, DataView pool,
            long start) {
        Predictions p = Predictor.predict(model, pool);
        float[] loss = p.loss();
        float[] logOdds = p.logOdds();
        int[] chosen = IntStream.range(0, pool.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> loss[i]).thenComparingDouble(i -> -logOdds[i])
                        .thenComparingInt(i -> i))
                .limit(c.forgetSize()).mapToInt(Integer::intValue).toArray();
        List<Double> scores = Arrays.stream(chosen).mapToObj(i -> (double) loss[i]).toList();
        return set(c, model, dataset, pool, chosen, scores,
                new SearchCost(seconds(start), 0, 0, 0, pool.size()));
    }

    static WorstCaseForgetSet set(ChallengeSets c, Classifier model, String dataset, DataView pool, int[] chosen,
            List<Double> scores, SearchCost cost) {
        List<String> ids = Arrays.stream(chosen).mapToObj(pool::id).toList();
        return WorstCaseForgetSet.of(c.kind(), SearchMode.WORST, null, dataset, ids, scores, c.versionOf(model),
                c.method(), pool.size(), c.seed(), Map.of("pool_size", (double) pool.size()), cost);
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
