package io.unlearn.evaluator;

/** Names of the measurements in {@code EvaluationReport.metrics} (percentages and percentage points unless named otherwise). */
public final class MetricKeys {
    public static final String UA = "ua";
    public static final String RA = "ra";
    public static final String TA = "ta";
    public static final String MIA = "mia";
    /** MIA-Efficacy of the same attack on held-out test samples: what an exact retrain would score on the forget set. */
    public static final String MIA_REFERENCE = "mia.reference";
    /** The version's loss-attack membership advantage on the lineage's forget set (percentage points; see ForgettingEvidence). */
    public static final String MEMBERSHIP_ADVANTAGE = "membership.advantage";
    /** The parent's loss-attack membership advantage on the same set. */
    public static final String PARENT_MEMBERSHIP_ADVANTAGE = "parent.membership.advantage";
    /** How much of the parent's loss-attack advantage the version removed (parent − version, paired; percentage points). */
    public static final String MEMBERSHIP_ADVANTAGE_DROP = "membership.advantage.drop";
    /** The highest accuracy on a class the lineage removed entirely (absent when no class was). */
    public static final String REMOVED_CLASS_ACCURACY = "removed.class.accuracy";
    public static final String PARENT_UA = "parent.ua";
    public static final String PARENT_RA = "parent.ra";
    public static final String PARENT_TA = "parent.ta";
    /**
     * Parent TA minus the version's, in points; when the lineage removed whole classes ({@link #REMOVED_CLASS_ACCURACY}
     * present), over the test samples of the classes it keeps ({@link #TA_KEPT_CLASSES}, {@link #PARENT_TA_KEPT_CLASSES}).
     */
    public static final String TA_DROP = "ta.drop";
    /** TA over the classes the lineage keeps (present only when it removed whole classes). */
    public static final String TA_KEPT_CLASSES = "ta.kept.classes";
    /** The parent's TA over those same classes. */
    public static final String PARENT_TA_KEPT_CLASSES = "parent.ta.kept.classes";
    public static final String RA_DROP = "ra.drop";
    public static final String FORGET_SIZE = "forget.size";
    /**
     * SUPPRESSED: the worst over the active concepts of what the verdict judges: a concept of classes' accuracy on its test samples,
     * a pattern concept's stamp effect minus its clean twins' false-target rate. Each concept's own figures are under
     * {@code concept.<name>.}: {@code accuracy}, {@code accuracy.before}, {@code accuracy.under.attack}, {@code samples}, and for a
     * pattern also {@code pattern} (1), {@code clean.rate}, {@code excess}, {@code clean.accuracy}, {@code clean.samples},
     * {@code target.accuracy} (each with {@code .before}), {@code clean.rate.under.attack}, {@code excess.under.attack}.
     */
    public static final String CONCEPT_ACC = "concept.accuracy";
    public static final String CONCEPT_ACC_BEFORE = "concept.accuracy.before";
    /** SUPPRESSED: the same under PGD (a pattern: the excess with stamped images and clean twins both attacked towards the target). */
    public static final String CONCEPT_ACC_ATTACK = "concept.accuracy.under.attack";
    public static final String NONCONCEPT_ACC = "nonconcept.accuracy";
    public static final String NONCONCEPT_ACC_BEFORE = "nonconcept.accuracy.before";
    /** SUPPRESSED: the largest accuracy drop outside the concepts (evaluation half outside every concept of classes). */
    public static final String NONCONCEPT_DROP = "nonconcept.drop";
    /** SUPPRESSED: how many test samples the concept figures were measured on (ml {@code ConceptSplits.evaluation}, never calibrated on). */
    public static final String CONCEPT_EVALUATION_SAMPLES = "concept.evaluation.samples";
    public static final String EVALUATION_SECONDS = "evaluation.seconds";
    /** Challenge: the method's Avg. Gap to Retrain on the challenge set (UA, MIA, RA, TA; points). */
    public static final String CHALLENGE_AVG_GAP = "challenge.avg.gap";
    /** Challenge: the method's loss-attack membership advantage on the challenge set minus Retrain's (paired; points). */
    public static final String CHALLENGE_EXCESS_ADVANTAGE = "challenge.excess.membership.advantage";
    public static final String CHALLENGE_EXCESS_ADVANTAGE_LOW = "challenge.excess.membership.advantage.ci.low";
    public static final String CHALLENGE_EXCESS_ADVANTAGE_HIGH = "challenge.excess.membership.advantage.ci.high";

    private MetricKeys() {
    }
}
