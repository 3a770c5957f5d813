package io.unlearn.bench.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.ml.Devices;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.ConceptAttackEvaluation;
import io.unlearn.ml.suppression.ConceptAttackReport;
import io.unlearn.ml.train.ModelTraining;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A label row on {@link Squares} carries exactly what {@link ConceptAttackEvaluation} measures on the row's model
 * after removal (attacker: the training split; held out: the report half), and its details the relearnt heads'
 * accuracy on the other classes.
 */
class ConceptRowAttacksTest {

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
    void theRowCarriesTheProbeAndRelearningOfTheModelAfterRemoval() {
        ConceptCase c = Squares.concept("pair", List.of("c2", "c7"));
        DataView calibration = data.test().slice(0, 100);
        DataView report = data.test().slice(100, 200);
        LabelRowEvaluation evaluation = new LabelRowEvaluation(original, report, data.train(), AttackSpec.fgsm(0.03),
                20, 11, 2);
        try (Removal mask = MaskMethod.build(original, c, calibration)) {
            RowMeasurement m = evaluation.measure(mask.model(), c);
            ConceptRow row = m.row(c, Squares.CLASSES, "mask", mask);
            ConceptDetail detail = ConceptDetail.of(c, "mask", mask, m);
            ConceptAttackReport direct = ConceptAttackEvaluation.builder().setModel(mask.model())
                    .setConcept(c.asOne()).setAttackerView(data.train()).setHeldOutView(report)
                    .optConceptClasses(c.classes()).optSeed(11).build().run();
            assertEquals(direct.probeAccAfter(), row.probeAccAfter());
            assertEquals(direct.probeChance(), row.probeChance());
            assertEquals(direct.relearnAccK10(), row.relearnAccK10());
            assertEquals(direct.relearnAccK100(), row.relearnAccK100());
            assertEquals(direct.relearnK10().otherAccAfter(), detail.relearnOtherAccK10());
            assertEquals(direct.relearnK100().otherAccAfter(), detail.relearnOtherAccK100());
            assertEquals(0, row.conceptAccAfter(), "the mask never predicts the pair");
            assertTrue(row.probeAccAfter() > row.probeChance() + 20, "the mask leaves the representation as it was,"
                    + " where a probe finds the pair: " + row);
            assertEquals("labels", row.kind());
            assertEquals(null, detail.cleanFalseTargetRate(), "label rows have no stamp");
        }
    }
}
