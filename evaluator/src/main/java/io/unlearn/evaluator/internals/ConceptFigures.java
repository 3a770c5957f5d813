package io.unlearn.evaluator.internals;

/**
 * One active concept's figures as the SUPPRESSED verdict judges them, whatever its kind, so the headline figures can be
 * the worst over label and pattern concepts alike. For a concept of classes the judged figure is its accuracy (share of
 * its test samples predicted as one of its classes); for a pattern concept it is the stamp effect's excess over the
 * clean twins' rate (the points of target predictions the stamp alone adds). "Other" is accuracy on the evaluation
 * half's samples outside every concept of classes (a pattern's clean images), the same view for every concept.
 *
 * @param judged the judged figure after suppression
 * @param judgedBefore the same on the unsuppressed model
 * @param judgedUnderAttack the same after suppression, under the PGD attack that tries to bring the concept back
 * @param otherBefore accuracy outside the concepts before
 * @param otherAfter accuracy outside the concepts after
 * @param otherUnderAttack accuracy outside the concepts after, under an attack that tries to make it wrong
 * @param overheadPercent the suppression's inference overhead
 */
record ConceptFigures(double judged, double judgedBefore, double judgedUnderAttack, double otherBefore, double otherAfter,
        double otherUnderAttack, double overheadPercent) {
}
