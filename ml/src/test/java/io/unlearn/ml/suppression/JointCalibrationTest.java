package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Calibrating a concept with another already in force measures the whole composition, on the union's classes. */
class JointCalibrationTest {

    @Test
    void theGridIsMeasuredWithTheConfigsInForce() {
        var model = ToyModels.model();
        SparseAutoencoder sae = ToyModels.sae(ModelLayer.PENULTIMATE);
        var data = ToyModels.data();
        Concept b = Concept.ofClasses("b", List.of("b"), ToyConcepts.CLASSES);
        FeatureScores scoresA = FeatureScoring.score(model, sae, ToyModels.A, data.train());
        FeatureScores scoresB = FeatureScoring.score(model, sae, b, data.train());
        SuppressionConfig a = SuppressionConfig.of("a", List.of("a"), sae, "mem:", scoresA, 4, -1.0, null, true);
        List<SuppressionChoice> grid = SuppressionCalibration.grid(List.of(2), List.of(-1.0), List.of(), false);
        Set<Integer> union = Set.of(0, 1);

        SuppressionCalibration.Result joint = SuppressionCalibration.calibrate(model, sae, scoresB, data.test(), union,
                grid, 2.0, List.of(a));
        SuppressionConfig bConfig = SuppressionConfig.of("b", List.of("b"), sae, "mem:", scoresB, 2, -1.0, null, true);
        try (SuppressedModel both = SuppressedModel.of(model, List.of(a, bConfig), List.of(sae))) {
            double[] measured = SuppressionCalibration.accuracies(both.predict(data.test()), data.test(), union);
            assertEquals(measured[0], joint.best().conceptAcc(), 1e-9, "union concept accuracy with a and b in force");
            assertEquals(measured[1], joint.best().otherAcc(), 1e-9, "other accuracy with a and b in force");
        }
        SuppressionCalibration.Result alone = SuppressionCalibration.calibrate(model, sae, scoresB, data.test(), union,
                grid, 2.0);
        assertNotEquals(alone.best().conceptAcc(), joint.best().conceptAcc(), "a in force changes the figures");
        assertEquals(alone.baseConceptAcc(), joint.baseConceptAcc(), 1e-9, "the baseline is the unsuppressed model");
    }
}
