package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Architecture;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link LogitMask} on a small MLP of {@link ToyConcepts}: masked classes vanish, the others keep their order. */
class LogitMaskTest {

    private static final Set<Integer> CONCEPT = Set.of(0, 2);
    private static UnlearnDataset data;
    private static Classifier model;

    @BeforeAll
    static void trainModel() {
        data = ToyConcepts.dataset(1200, 21);
        ModelSpec spec = new ModelSpec(Architecture.MLP, List.of((long) ToyConcepts.DIM), 4, List.of(16),
                TrainingSpec.builder().optEpochs(5).optBatchSize(64).optLearningRate(3e-3).optSeed(3).build());
        model = ModelTraining.trainNew(spec, data.train(), TestData.cpu(), ProgressListener.NONE).model();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void maskedClassesAreNeverPredictedAndTheOthersKeepTheirArgmax() {
        DataView test = data.test();
        float[][] logits = new float[test.size()][];
        try (NDManager m = model.newManager()) {
            float[] flat = model.logits(m, test.features(m, test.positions(), 0, test.size())).toFloatArray();
            for (int i = 0; i < test.size(); i++) {
                logits[i] = java.util.Arrays.copyOfRange(flat, i * 4, i * 4 + 4);
            }
        }
        int[] before = InferenceModel.of(model).predict(test);
        assertTrue(IntStream.of(before).filter(CONCEPT::contains).count() > test.size() / 3,
                "the toy model should predict the concept classes before masking");
        try (LogitMask mask = LogitMask.of(model, CONCEPT)) {
            int[] after = mask.predict(test);
            for (int i = 0; i < after.length; i++) {
                assertTrue(!CONCEPT.contains(after[i]), "sample " + i + " still predicted as " + after[i]);
                assertEquals(bestUnmasked(logits[i]), after[i], "sample " + i + ": the best unmasked class wins");
                if (!CONCEPT.contains(before[i])) {
                    assertEquals(before[i], after[i], "sample " + i + " did not need the mask and must not change");
                }
            }
        }
    }

    @Test
    void pgdThroughTheMaskStaysFiniteAndCannotBringTheConceptBack() {
        DataView concept = DataView.of(data.test().source(), IntStream.range(0, data.test().size())
                .filter(i -> CONCEPT.contains(data.test().label(i))).map(data.test()::row).toArray());
        try (LogitMask mask = LogitMask.of(model, CONCEPT); NDManager m = model.newManager()) {
            NDArray x = concept.features(m, concept.positions(), 0, 100);
            NDArray adv = Attacks.perturb(mask, x, concept.labels(m, concept.positions(), 0, 100),
                    AttackSpec.pgd(0.3, 5), Attacks.Goal.ELICIT);
            assertFalse(adv.isInfinite().any().getBoolean() || adv.isNaN().any().getBoolean(),
                    "PGD through a −∞ mask must return finite inputs");
            assertTrue(adv.sub(x).abs().max().getFloat() > 0, "the attack should have moved the inputs");
            int[] predicted = Classifier.predictedClasses(mask.logits(m, adv));
            assertTrue(IntStream.of(predicted).noneMatch(CONCEPT::contains), "the attack brought the concept back");
        }
    }

    @Test
    void refusesMasksThatRemoveNothingEverythingOrUnknownClasses() {
        for (Set<Integer> bad : List.of(Set.<Integer>of(), Set.of(0, 1, 2, 3), Set.of(4), Set.of(-1))) {
            UnlearnException e = assertThrows(UnlearnException.class, () -> LogitMask.of(model, bad), bad.toString());
            assertTrue(e.getMessage().contains("mask"), e.getMessage());
        }
    }

    private static int bestUnmasked(float[] row) {
        int best = -1;
        for (int c = 0; c < row.length; c++) {
            if (!CONCEPT.contains(c) && (best < 0 || row[c] > row[best])) {
                best = c;
            }
        }
        return best;
    }
}
