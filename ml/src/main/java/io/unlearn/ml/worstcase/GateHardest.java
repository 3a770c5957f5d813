package io.unlearn.ml.worstcase;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.BatchOrder;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@link ForgetSetKind#GATE_HARDEST}: the m samples whose membership the method leaves most detectable, i.e. the set
 * on which the gate's loss attack ({@code MembershipAttacks.loss}, class-stratified AUC of the true label's log-odds
 * against non-members of the same class) keeps the largest advantage after unlearning.
 *
 * <p>Design: the method runs once, with the recorded hyperparameters and the challenge's seed, forgetting a candidate
 * set of {@value #CANDIDATE_FACTOR}·m samples (the first of the same seeded shuffle of the pool that
 * {@link ForgetSetKind#RANDOM} takes its m from, so the random set is among the candidates). Each candidate of class c
 * is scored by where its log-odds after unlearning falls in the class-c non-member log-odds: the share of those
 * non-members it exceeds (ties count half). The class-stratified AUC of a set is exactly the mean of its members'
 * scores, so the top m by score is the set of largest attack advantage among the candidates, for the model that forgot
 * all candidates; forgetting only those m is a smaller edit, so their membership, if anything, stays more visible.
 *
 * <p>Cost: one run of the method on 3m samples plus one forward pass over the candidates and the non-members. No
 * iteration: the set is chosen from a single run.
 */
final class GateHardest {

    /** Candidates per selected sample. */
    static final int CANDIDATE_FACTOR = 3;

    private GateHardest() {
    }

    static WorstCaseForgetSet choose(ChallengeSets c, Classifier model, UnlearnDataset data, DataView nonMembers,
            DataView pool, long start, ProgressListener listener) {
        if (nonMembers.isEmpty()) {
            throw new UnlearnException("gate-hardest needs a non-member reference and the one given is empty; pass"
                    + " held-out samples (the test view) with optNonMembers");
        }
        int candidates = Math.min(Math.min(CANDIDATE_FACTOR * c.forgetSize(), pool.size()), data.train().size() - 1);
        int[] positions = Arrays.copyOf(new BatchOrder(c.seed()).shuffled(pool.size()), candidates);
        DataView candidateView = DataView.of(pool.source(), Arrays.stream(positions).map(pool::row).toArray());
        UnlearningTask task = UnlearningTask.builder().setModel(model).setDataset(data)
                .setForgetIds(candidateView.ids()).optHyperparameters(c.hyperparameters()).optSeed(c.seed()).build();
        Predictions members;
        Predictions reference;
        double methodSeconds;
        try (UnlearningResult r = UnlearningMethods.byName(c.method()).unlearn(task, listener.prefixed("gate-hardest"))) {
            members = Predictor.predict(r.model(), candidateView);
            reference = Predictor.predict(r.model(), nonMembers);
            methodSeconds = r.report().seconds();
        }
        double[] score = scores(members, reference);
        float[] logOdds = members.logOdds();
        int[] top = IntStream.range(0, candidates).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingDouble(i -> -logOdds[i])
                        .thenComparingInt(i -> i))
                .limit(c.forgetSize()).mapToInt(Integer::intValue).toArray();
        int[] chosen = Arrays.stream(top).map(i -> positions[i]).toArray();
        List<Double> chosenScores = Arrays.stream(top).mapToObj(i -> score[i]).toList();
        WorstCaseForgetSet set = KindChoices.set(c, model, data.name(), pool, chosen, chosenScores,
                new SearchCost(KindChoices.seconds(start), 0, 0, 0, candidates + nonMembers.size()));
        Map<String, Double> settings = new LinkedHashMap<>(set.settings());
        settings.put("candidates", (double) candidates);
        settings.put("non_members", (double) nonMembers.size());
        settings.put("method_seconds", methodSeconds);
        return new WorstCaseForgetSet(set.kind(), set.mode(), null, set.dataset(), set.ids(), set.scores(),
                set.digest(), set.modelVersion(), set.method(), set.poolSize(), set.seed(), settings, set.cost());
    }

    /**
     * @param members the candidates' predictions after unlearning
     * @param nonMembers the non-members' predictions after unlearning
     * @return per candidate, the share of same-class non-members whose log-odds it exceeds (ties count half), in [0, 1]
     * @throws UnlearnException when a candidate's class has no non-member
     */
    static double[] scores(Predictions members, Predictions nonMembers) {
        int classes = 1 + Math.max(Arrays.stream(members.labels()).max().orElse(0),
                Arrays.stream(nonMembers.labels()).max().orElse(0));
        float[][] byClass = new float[classes][];
        for (int k = 0; k < classes; k++) {
            int cls = k;
            byClass[k] = toFloats(IntStream.range(0, nonMembers.size()).filter(i -> nonMembers.labels()[i] == cls)
                    .mapToDouble(i -> nonMembers.logOdds()[i]).sorted().toArray());
        }
        double[] score = new double[members.size()];
        for (int i = 0; i < members.size(); i++) {
            float[] ref = byClass[members.labels()[i]];
            if (ref.length == 0) {
                throw new UnlearnException("gate-hardest: a candidate of class " + members.labels()[i]
                        + " has no non-member of its class to compare with; pass a non-member reference covering every"
                        + " class (the test view)");
            }
            float s = members.logOdds()[i];
            score[i] = (lowerBound(ref, s) + 0.5 * (upperBound(ref, s) - lowerBound(ref, s))) / ref.length;
        }
        return score;
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /** @return the number of values strictly below {@code x} in the sorted array */
    private static int lowerBound(float[] sorted, float x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) { lo = mid + 1; } else { hi = mid; }
        }
        return lo;
    }

    /** @return the number of values at most {@code x} in the sorted array */
    private static int upperBound(float[] sorted, float x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) { lo = mid + 1; } else { hi = mid; }
        }
        return lo;
    }
}
