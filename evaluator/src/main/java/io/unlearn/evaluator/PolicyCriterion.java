package io.unlearn.evaluator;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The thresholds an {@link EvaluationPolicy} can set, each with its config key suffix, default and meaning.
 * Set one for every model with {@code policy.default.<key>=v}, for one model with {@code policy.<modelId>.<key>=v}.
 * Accuracies and MIA are percentages, drops are percentage points.
 */
public enum PolicyCriterion {
    MAX_TA_DROP("max.ta.drop", 5.0, "UNLEARNED/RETRAINED: TA may fall at most this many points below the parent's TA."),
    MAX_RA_DROP("max.ra.drop", 10.0, "UNLEARNED/RETRAINED: RA (on the retain sample) may fall at most this many points below the parent's."),
    MIN_UA_RATIO("min.ua.ratio", 0.5, "UNLEARNED/RETRAINED: UA on the lineage's forget set must reach this share of the exact-retrain "
            + "estimate 100 − parent TA (a retrained model treats forgotten samples like unseen ones)."),
    MIN_MIA_RATIO("min.mia.ratio", 0.5, "UNLEARNED/RETRAINED: MIA-Efficacy on the forget set must reach this share of the same "
            + "attack's efficacy on held-out test samples (the exact-retrain estimate)."),
    MIN_TA("min.ta", 0.0, "BASE: the least TA a base model needs to be certified (0 = any)."),
    MAX_CONCEPT_ACCURACY("max.concept.accuracy", 10.0, "SUPPRESSED: accuracy on the removed concept's test samples, at most."),
    MAX_CONCEPT_ACCURACY_UNDER_ATTACK("max.concept.accuracy.under.attack", 50.0,
            "SUPPRESSED: the same under a PGD attack that tries to elicit the concept, at most."),
    MAX_NONCONCEPT_DROP("max.nonconcept.drop", 5.0, "SUPPRESSED: accuracy outside the concept may fall at most this many points.");

    private final String key;
    private final double defaultValue;
    private final String doc;

    PolicyCriterion(String key, double defaultValue, String doc) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.doc = doc;
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
