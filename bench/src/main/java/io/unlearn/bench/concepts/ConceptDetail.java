package io.unlearn.bench.concepts;

import io.unlearn.ml.suppression.SuppressionReport;

/**
 * Everything else measured for a row: the full report, what calibration chose and how long the method took.
 *
 * @param concept the concept
 * @param method sae, ga, mask, weights or retrain
 * @param choice the chosen setting, e.g. {@code k=32 γ=-2.0 err}, {@code lr=3e-5} or {@code rl lr=0.001}
 * @param calibrationConceptAcc concept accuracy of the choice on the calibration half
 * @param calibrationOtherAcc non-concept accuracy of the choice on the calibration half
 * @param report the evaluation on the report half
 * @param methodSeconds time to remove the concept (scoring + calibration, the weight-editing runs, or the retrain;
 *     a cached retrain only loads), seconds
 */
public record ConceptDetail(String concept, String method, String choice, double calibrationConceptAcc,
        double calibrationOtherAcc, SuppressionReport report, double methodSeconds) {
}
