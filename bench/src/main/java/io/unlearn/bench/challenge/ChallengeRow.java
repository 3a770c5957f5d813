package io.unlearn.bench.challenge;

/**
 * One method under the evaluator's challenge, against Retrain on the challenge set and, as the trivial competitor, on a
 * random set of the same size (each against its own Retrain).
 *
 * @param method the method, at its defaults
 * @param set the challenge set's kind (worst, lowest-loss, gate-hardest, random)
 * @param gapChallenge Avg. Gap to Retrain on the challenge set, points
 * @param gapRandom Avg. Gap to Retrain on the random set, points
 * @param verdict the challenge's verdict (CHALLENGE_PASSED / CHALLENGE_FAILED) under the default policy
 * @param verdictRandom the same judgement applied to the random set
 * @param excessChallenge the method's membership advantage minus Retrain's on the challenge set, points
 * @param excessChallengeLow its 95% interval's lower end
 * @param excessChallengeHigh its upper end
 * @param excessRandom the same on the random set
 * @param gateDecision the forgetting gate's own decision on the challenge set after the method (reported, not judged)
 * @param uaMethod UA on the challenge set after the method
 * @param uaRetrain UA on the challenge set after Retrain
 * @param reasons the challenge's reasons
 * @param searchSeconds choosing the challenge set
 * @param methodSeconds the method's run on it
 * @param retrainSeconds Retrain's run on it
 * @param seconds the whole challenge (search + method + Retrain + scoring), what the evaluator would take
 */
public record ChallengeRow(String method, String set, double gapChallenge, double gapRandom, String verdict, String verdictRandom,
        double excessChallenge, double excessChallengeLow, double excessChallengeHigh, double excessRandom, String gateDecision,
        double uaMethod, double uaRetrain, java.util.List<String> reasons, double searchSeconds, double methodSeconds,
        double retrainSeconds, double seconds) {
}
