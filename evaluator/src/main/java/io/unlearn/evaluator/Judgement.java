package io.unlearn.evaluator;

import io.unlearn.events.Verdict;
import java.util.List;
import java.util.Map;

/**
 * A verdict with its reasons: CERTIFIED when {@code failing} is empty; REJECTED (a criterion failed, or the
 * artifact was refused) or INCONCLUSIVE (it could not be judged) otherwise.
 *
 * @param verdict the verdict
 * @param failing one line per failed criterion, naming the measured value and the threshold (for INCONCLUSIVE: what is undecided)
 * @param thresholds the thresholds judged against, by criterion key
 */
public record Judgement(Verdict verdict, List<String> failing, Map<String, Double> thresholds) {
    public Judgement {
        failing = List.copyOf(failing);
        thresholds = Map.copyOf(thresholds);
    }

    static Judgement of(List<String> failing, Map<String, Double> thresholds) {
        return new Judgement(failing.isEmpty() ? Verdict.CERTIFIED : Verdict.REJECTED, failing, thresholds);
    }

    /** The evidence could not decide yet (e.g. too few forget samples): INCONCLUSIVE, {@code undecided} says why. */
    static Judgement inconclusive(List<String> undecided, Map<String, Double> thresholds) {
        return new Judgement(Verdict.INCONCLUSIVE, undecided, thresholds);
    }

    public boolean certified() {
        return verdict == Verdict.CERTIFIED;
    }
}
