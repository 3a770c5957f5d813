package io.unlearn.bench.concepts;

import java.util.List;

/**
 * One concept × method of the benchmark, with the keys its JSON has always had and {@code kind} (snake_case in
 * JSON; percent).
 *
 * @param concept the concept's name
 * @param labels its class names
 * @param kind how the concept is defined: {@code labels} (a set of output classes)
 * @param method {@code sae}, {@code ga}, {@code mask}, {@code weights} or {@code retrain}
 * @param conceptAccBefore concept accuracy of the original model
 * @param conceptAccAfter concept accuracy after removal
 * @param otherAccBefore non-concept accuracy of the original model
 * @param otherAccAfter non-concept accuracy after removal
 * @param conceptAccUnderAttack concept accuracy after removal on inputs perturbed to elicit the concept
 * @param overheadRatio extra inference time over the original model, percent, as measured for the methods that
 *     change inference (sae, mask); 0 for those that only change weights (see {@link Removal#weightsOnly()})
 */
public record ConceptRow(String concept, List<String> labels, String kind, String method, double conceptAccBefore,
        double conceptAccAfter, double otherAccBefore, double otherAccAfter, double conceptAccUnderAttack,
        double overheadRatio) {
}
