package io.unlearn.bench.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.ml.Devices;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.train.ModelTraining;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The weight-editing rows on {@link Squares}: RL and NegGrad+ with their retain term really run with the given
 * learning rates on the concept's samples, and the calibration rule's pick is what is handed back.
 */
class WeightEditMethodTest {

    private static UnlearnDataset data;
    private static Classifier original;

    @BeforeAll
    static void trainOriginal() {
        data = Squares.dataset(500, 200);
        original = ModelTraining.trainNew(BaseModelCache.cnn(data, 3, 7), data.train(), Devices.resolve("cpu"),
                ProgressListener.NONE).model();
    }

    @AfterAll
    static void close() {
        original.close();
    }

    @Test
    void removesTheConceptWithTheRulesPickAndLeavesTheOriginalAlone() {
        ConceptCase c = Squares.concept("c4", List.of("c4"));
        DataView calibration = data.test();
        CalibrationRule.Score before = CalibrationRule.score(InferenceModel.of(original), calibration, c.classes());
        assertTrue(before.conceptAcc() > 80, "the original should know the concept: " + before);
        List<WeightEditMethod.Setting> grid = WeightEditMethod.grid(List.of("rl", "neggrad+"), List.of(1e-5, 1e-2));
        try (Removal removal = WeightEditMethod.build(original, data, c, calibration, grid, 2, 3,
                ProgressListener.NONE)) {
            CalibrationRule.Score after = CalibrationRule.score(removal.model(), calibration, c.classes());
            assertEquals(after, new CalibrationRule.Score(removal.calibrationConceptAcc(), removal.calibrationOtherAcc()),
                    "the handed-back model is the one that was scored");
            assertTrue(after.conceptAcc() < 20, "lr 1e-2 should remove the concept: " + removal.choice() + " " + after);
            assertTrue(new CalibrationRule(before.otherAcc(), 2).admits(after), "the pick must keep the others: "
                    + after + " vs " + before);
            assertTrue(removal.choice().matches("(rl|neggrad\\+) lr=.*"), removal.choice());
            assertTrue(removal.weightsOnly());
        }
        assertEquals(before, CalibrationRule.score(InferenceModel.of(original), calibration, c.classes()),
                "the original model must not change");
    }
}
