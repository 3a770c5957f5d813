package io.unlearn.bench.concepts;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.suppression.InferenceModel;

/**
 * A concept removed by one method, ready for the evaluation on the report half: the model to evaluate, what the
 * method chose on the calibration half, and what it owns (closed with it).
 *
 * @param model the model with the concept removed
 * @param choice the chosen setting, e.g. {@code k=32 γ=-2.0 err}, {@code lr=3e-5} or {@code rl lr=0.001}
 * @param calibrationConceptAcc concept accuracy of the choice on the calibration half, percent
 * @param calibrationOtherAcc non-concept accuracy of the choice on the calibration half, percent
 * @param seconds time to remove the concept (scoring, training, calibration), seconds
 * @param weightsOnly whether only the weights changed: the network is the original one, so its inference costs
 *     the same by construction and the row reports 0 overhead (the measured figure, timing noise, stays in the
 *     details); false for methods that add work at inference (SAE, logit mask), whose row reports the measurement
 * @param owned what to close with it (the model itself, or the suppression wrapper)
 */
record Removal(InferenceModel model, String choice, double calibrationConceptAcc, double calibrationOtherAcc,
        double seconds, boolean weightsOnly, AutoCloseable owned) implements AutoCloseable {

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new UnlearnException("cannot close the model of '" + choice + "': " + e.getMessage(), e);
        }
    }
}
