package io.unlearn.ml.suppression;

/**
 * How well a concept was removed. Accuracies in percent. Concept accuracy = share of concept samples predicted as
 * any concept class; other accuracy = ordinary accuracy on non-concept samples. Under attack: concept samples are
 * perturbed to elicit their true label ({@link Attacks.Goal#ELICIT}; for a pattern concept the target class its stamp
 * triggers, {@link SuppressionEvaluation.Builder#optElicitedClass}), other samples to evade it
 * ({@link Attacks.Goal#EVADE}), each against the model being measured (white-box).
 *
 * @param conceptAccBefore concept accuracy of the original model
 * @param conceptAccAfter concept accuracy after removal
 * @param otherAccBefore other accuracy of the original model
 * @param otherAccAfter other accuracy after removal
 * @param conceptAccUnderAttackBefore concept accuracy of the original model on elicited inputs
 * @param conceptAccUnderAttackAfter concept accuracy after removal on elicited inputs (does the concept come back?)
 * @param otherAccUnderAttackBefore other accuracy of the original model on evasive inputs
 * @param otherAccUnderAttackAfter other accuracy after removal on evasive inputs
 * @param attack the attack used
 * @param msPerSampleBefore inference cost of the original model, ms of process CPU time per sample (total over the
 *     repeats; wall time where the JVM cannot report CPU time)
 * @param msPerSampleAfter the same after removal
 * @param overheadPercent {@code (after / before − 1) · 100}
 */
public record SuppressionReport(double conceptAccBefore, double conceptAccAfter, double otherAccBefore,
        double otherAccAfter, double conceptAccUnderAttackBefore, double conceptAccUnderAttackAfter,
        double otherAccUnderAttackBefore, double otherAccUnderAttackAfter, AttackSpec attack,
        double msPerSampleBefore, double msPerSampleAfter, double overheadPercent) {
}
