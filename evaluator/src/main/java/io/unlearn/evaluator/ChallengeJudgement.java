package io.unlearn.evaluator;

import io.unlearn.events.ChallengeVerdict;
import java.util.List;
import java.util.Map;

/**
 * The worst-case challenge's verdict with its reasons ({@link EvaluationPolicy#judgeChallenge}).
 *
 * @param verdict CHALLENGE_PASSED or CHALLENGE_FAILED
 * @param reasons when failed, one line per failed criterion (value, threshold, meaning); when passed, what was compared
 * @param thresholds the thresholds judged against, by criterion key
 */
public record ChallengeJudgement(ChallengeVerdict verdict, List<String> reasons, Map<String, Double> thresholds) {
    public ChallengeJudgement {
        reasons = List.copyOf(reasons);
        thresholds = Map.copyOf(thresholds);
    }

    public boolean failed() {
        return verdict == ChallengeVerdict.CHALLENGE_FAILED;
    }
}
