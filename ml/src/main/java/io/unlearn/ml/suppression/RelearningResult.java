package io.unlearn.ml.suppression;

/**
 * What a {@link RelearningAttack} with k labelled concept samples brought back. High {@code conceptAccAfter} with small
 * k means the concept was hidden, not removed: the representation still separates it and a cheap head fix reads it.
 *
 * @param k the concept samples asked for
 * @param conceptSamples concept samples the head was fine-tuned on (k, or fewer when the attacker's view has fewer)
 * @param otherSamples non-concept samples it was fine-tuned on (as many as concept samples, when available)
 * @param heldOutConceptSamples held-out concept samples scored
 * @param heldOutOtherSamples held-out non-concept samples scored
 * @param conceptAccBefore concept accuracy of the model's head, unchanged, on its representation after removal, in
 *     percent: for a removal inside the representation it equals the model's concept accuracy; for an output mask it
 *     is the unmasked model's
 * @param conceptAccAfter concept accuracy with the fine-tuned head, in percent (share of held-out concept samples
 *     predicted as one of the concept's classes)
 * @param otherAccBefore accuracy of the unchanged head on the held-out non-concept samples, in percent
 * @param otherAccAfter the same with the fine-tuned head: read it with {@code conceptAccAfter}, since a head that
 *     collapsed onto the concept's classes has high concept accuracy and low other accuracy
 */
public record RelearningResult(int k, int conceptSamples, int otherSamples, int heldOutConceptSamples,
        int heldOutOtherSamples, double conceptAccBefore, double conceptAccAfter, double otherAccBefore,
        double otherAccAfter) {
}
