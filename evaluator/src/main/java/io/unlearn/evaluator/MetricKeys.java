package io.unlearn.evaluator;

/** Names of the measurements in {@code EvaluationReport.metrics} (percentages and percentage points unless named otherwise). */
public final class MetricKeys {
    public static final String UA = "ua";
    public static final String RA = "ra";
    public static final String TA = "ta";
    public static final String MIA = "mia";
    /** MIA-Efficacy of the same attack on held-out test samples: what an exact retrain would score on the forget set. */
    public static final String MIA_REFERENCE = "mia.reference";
    /** 100 − parent TA: the UA an exact retrain is expected to reach on a random forget set. */
    public static final String UA_REFERENCE = "ua.reference";
    public static final String PARENT_UA = "parent.ua";
    public static final String PARENT_RA = "parent.ra";
    public static final String PARENT_TA = "parent.ta";
    public static final String TA_DROP = "ta.drop";
    public static final String RA_DROP = "ra.drop";
    public static final String FORGET_SIZE = "forget.size";
    public static final String CONCEPT_ACC = "concept.accuracy";
    public static final String CONCEPT_ACC_BEFORE = "concept.accuracy.before";
    public static final String CONCEPT_ACC_ATTACK = "concept.accuracy.under.attack";
    public static final String NONCONCEPT_ACC = "nonconcept.accuracy";
    public static final String NONCONCEPT_ACC_BEFORE = "nonconcept.accuracy.before";
    public static final String NONCONCEPT_DROP = "nonconcept.drop";
    public static final String EVALUATION_SECONDS = "evaluation.seconds";

    private MetricKeys() {
    }
}
