package io.unlearn.evaluator;

import static io.unlearn.evaluator.MetricKeys.*;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thresholds an {@link EvaluationPolicy} can set, each with its config key suffix, default and meaning, and how it
 * is judged: the measured metric ({@link MetricKeys}), for a ratio criterion the reference metric the threshold
 * multiplies, and whether the threshold is an upper or a lower bound. Whoever explains a verdict (the demo's report)
 * reads the comparison from here, as the policy does.
 * Set one for every model with {@code policy.default.<key>=v}, for one model with {@code policy.<modelId>.<key>=v}.
 * Accuracies and MIA are percentages, drops are percentage points.
 */
public enum PolicyCriterion {
    MAX_TA_DROP("max.ta.drop", 5.0, TA_DROP, null, true, "UNLEARNED/RETRAINED: TA may fall at most this many points below the parent's TA (on the classes the lineage keeps, when it removed whole classes)."),
    MAX_RA_DROP("max.ra.drop", 10.0, RA_DROP, null, true, "UNLEARNED/RETRAINED: RA (on the retain sample) may fall at most this many points below the parent's."),
    MAX_MEMBERSHIP_ADVANTAGE("max.membership.advantage", 10.0, MEMBERSHIP_ADVANTAGE, null, true, "UNLEARNED/RETRAINED: the largest "
            + "|membership advantage| (percentage points, 95% interval) of the forget set against class-matched unseen samples that still "
            + "counts as indistinguishable; an interval beyond it REJECTS, one straddling it is INCONCLUSIVE (see ForgettingGate)."),
    MAX_REMOVED_CLASS_ACCURACY("max.removed.class.accuracy", 5.0, REMOVED_CLASS_ACCURACY, null, true, "UNLEARNED/RETRAINED: accuracy "
            + "(percent, 95% interval) allowed on a class whose training samples the lineage has all but removed (a model retrained without "
            + "them does not recognise it)."),
    MIN_SIGNAL_REMOVED("min.signal.removed", 0.5, MEMBERSHIP_ADVANTAGE_DROP, null, false, "UNLEARNED/RETRAINED: when the parent measurably "
            + "memorised the forget set (its advantage's interval above 0), the least share of that advantage the version must remove "
            + "(paired 95% interval of the drop); a version below it leaves the parent's signal in place and is REJECTED."),
    MAX_CHALLENGE_GAP("max.challenge.gap", 5.0, CHALLENGE_AVG_GAP, null, true, "UNLEARNED/RETRAINED, worst-case challenge: the "
            + "method's Avg. Gap to Retrain (UA, MIA, RA, TA; points) on the challenge set, at most; beyond it the challenge fails and "
            + "a CERTIFIED version becomes REJECTED. (The challenge's membership criterion reuses max.membership.advantage as the "
            + "tolerance of the method's advantage minus Retrain's.)"),
    MIN_TA("min.ta", 0.0, TA, null, false, "BASE: the least TA a base model needs to be certified (0 = any)."),
    MAX_CONCEPT_ACCURACY("max.concept.accuracy", 10.0, CONCEPT_ACC, null, true, "SUPPRESSED: accuracy on the removed concept's test samples, at most "
            + "(a pattern concept: the stamp's effect minus the clean twins' false-target rate; the worst over the active concepts)."),
    MAX_CONCEPT_ACCURACY_UNDER_ATTACK("max.concept.accuracy.under.attack", 50.0, CONCEPT_ACC_ATTACK, null, true,
            "SUPPRESSED: the same under a PGD attack that tries to elicit the concept, at most (a pattern: the same excess with the stamped "
                    + "images and their clean twins both attacked towards the target)."),
    MAX_NONCONCEPT_DROP("max.nonconcept.drop", 5.0, NONCONCEPT_DROP, null, true, "SUPPRESSED: accuracy outside the concepts may fall at most this "
            + "many points (a pattern concept: clean accuracy).");

    private final String key;
    private final double defaultValue;
    private final String metric;
    private final String reference;
    private final boolean upperBound;
    private final String doc;

    PolicyCriterion(String key, double defaultValue, String metric, String reference, boolean upperBound, String doc) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.metric = metric;
        this.reference = reference;
        this.upperBound = upperBound;
        this.doc = doc;
    }

    /** The report's metric this criterion judges, e.g. {@code ta.drop}. */
    public String metric() {
        return metric;
    }

    /** The metric a ratio criterion's threshold multiplies (e.g. {@code ua.reference}); empty for a plain threshold. */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** Whether the threshold is an upper bound (the metric may be at most the limit) rather than a lower bound. */
    public boolean isUpperBound() {
        return upperBound;
    }

    /** The limit in the metric's unit: the threshold, or for a ratio criterion the threshold × its reference (NaN when absent). */
    public double limit(double threshold, Map<String, Double> metrics) {
        if (reference == null) {
            return threshold;
        }
        Double ref = metrics.get(reference);
        return ref == null ? Double.NaN : threshold * ref;
    }

    /** Whether {@code measured} breaks {@code limit} (above an upper bound, below a lower one). */
    public boolean isBrokenBy(double measured, double limit) {
        return upperBound ? measured > limit : measured < limit;
    }

    public String key() {
        return key;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }

    /** Criteria by key length, longest first, so that a key suffix match never takes a shorter key's prefix. */
    static List<PolicyCriterion> longestKeyFirst() {
        return Arrays.stream(values()).sorted(Comparator.comparingInt((PolicyCriterion c) -> c.key.length()).reversed()).toList();
    }
}
