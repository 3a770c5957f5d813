package io.unlearn.bench.concepts;

import java.util.List;

/**
 * One concept × method of the benchmark (snake_case in JSON; percent).
 *
 * <p>For a {@code labels} concept, concept accuracy is the share of the concept's samples predicted as one of its
 * classes and non-concept accuracy the ordinary accuracy on the other samples. For a {@code pattern} concept (the
 * corner stamp of {@code fmnist-stamped}), concept accuracy is the stamp's effect: the share of stamped non-target
 * report images predicted as the target class; non-concept accuracy is the accuracy on the clean report images.
 *
 * @param concept the concept's name
 * @param labels its class names (for a pattern: the target class its stamp triggers)
 * @param kind how the concept is defined: {@code labels} (a set of output classes) or {@code pattern} (a stamp on
 *     the input, given by the stamped training ids)
 * @param method {@code sae}, {@code ga}, {@code mask}, {@code weights} or {@code retrain}
 * @param conceptAccBefore concept accuracy of the original model
 * @param conceptAccAfter concept accuracy after removal
 * @param otherAccBefore non-concept accuracy of the original model
 * @param otherAccAfter non-concept accuracy after removal
 * @param conceptAccUnderAttack concept accuracy after removal on inputs perturbed to elicit the concept
 * @param overheadRatio extra inference time over the original model, percent, as measured for the methods that
 *     change inference (sae, mask); 0 for those that only change weights (see {@link Removal#weightsOnly()})
 * @param probeAccAfter accuracy of a linear probe telling concept from other held-out samples on the representation
 *     that feeds the head, after removal ({@code ConceptAttackEvaluation}); NaN where not measured
 * @param probeChance the probe's chance level (majority share of its held-out part)
 * @param relearnAccK10 concept accuracy after an attacker fine-tunes the head on 10 concept samples
 * @param relearnAccK100 the same with 100 concept samples
 */
public record ConceptRow(String concept, List<String> labels, String kind, String method, double conceptAccBefore,
        double conceptAccAfter, double otherAccBefore, double otherAccAfter, double conceptAccUnderAttack,
        double overheadRatio, double probeAccAfter, double probeChance, double relearnAccK10, double relearnAccK100) {
}
