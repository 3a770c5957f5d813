package io.unlearn.bench.concepts;

import java.util.List;

/**
 * One concept × method of the benchmark, with the keys its JSON has always had (snake_case in JSON; percent).
 *
 * @param concept the concept's name
 * @param labels its class names
 * @param method {@code sae} or {@code ga}
 * @param conceptAccBefore concept accuracy of the original model
 * @param conceptAccAfter concept accuracy after removal
 * @param otherAccBefore non-concept accuracy of the original model
 * @param otherAccAfter non-concept accuracy after removal
 * @param conceptAccUnderAttack concept accuracy after removal on inputs perturbed to elicit the concept
 * @param overheadRatio extra inference time over the original model, percent
 */
public record ConceptRow(String concept, List<String> labels, String method, double conceptAccBefore,
        double conceptAccAfter, double otherAccBefore, double otherAccAfter, double conceptAccUnderAttack,
        double overheadRatio) {
}
