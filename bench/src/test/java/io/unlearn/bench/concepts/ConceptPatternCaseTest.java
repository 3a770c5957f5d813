package io.unlearn.bench.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.ml.Devices;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.Backdoor;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.StampedDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.suppression.PatternEffect;
import io.unlearn.ml.train.ModelTraining;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pattern case's rows on {@link Squares} with a corner stamp: kind {@code pattern}, the stamp's effect as concept
 * accuracy and clean accuracy as non-concept accuracy, the clean false-target rate in the details, and the attacks
 * on the stamped and clean twins of the report half.
 */
class ConceptPatternCaseTest {

    private static final int TARGET = 3;
    private static PatternConcept stamp;
    private static Classifier original;

    @BeforeAll
    static void trainBackdooredModel() {
        StampedDataset data = StampedDataset.of(Squares.dataset(600, 200), new Backdoor(TARGET, 0.2, 5));
        stamp = PatternConcept.of(data);
        original = ModelTraining.trainNew(BaseModelCache.cnn(data.dataset(), 3, 7), data.dataset().train(),
                Devices.resolve("cpu"), ProgressListener.NONE).model();
    }

    @AfterAll
    static void close() {
        original.close();
    }

    @Test
    void twinsHoldEveryNonTargetReportImageStampedThenClean() {
        DataView report = stamp.data().dataset().test().slice(100, 200);
        StampTwins twins = StampTwins.of(stamp.data(), stamp.concept(), report);
        int n = stamp.data().patternViews(report).size();
        assertEquals(2 * n, twins.view().size());
        boolean[] in = twins.concept().membership(twins.view());
        assertTrue(IntStream.range(0, n).allMatch(i -> in[i]) && IntStream.range(n, 2 * n).noneMatch(i -> in[i]));
        assertTrue(IntStream.range(0, n).allMatch(i -> twins.view().label(i) == twins.view().label(i + n)
                && twins.view().label(i) != TARGET), "twins keep their true, non-target labels");
        assertTrue(twins.concept().membership(stamp.data().dataset().train())[indexOfFirstStamped()],
                "the attacker's stamped training samples stay in the concept");
    }

    @Test
    void patternRowsReportTheStampsEffectAsConceptAccuracy() {
        DataView test = stamp.data().dataset().test();
        DataView calibration = test.slice(0, 100);
        DataView report = test.slice(100, 200);
        ConceptCase c = ConceptCase.pattern(stamp.concept(), TARGET);
        PatternRowEvaluation evaluation = new PatternRowEvaluation(stamp, original, report,
                StampTwins.of(stamp.data(), stamp.concept(), report), AttackSpec.fgsm(0.03), 20, 11, 2);
        try (Removal mask = MaskMethod.build(original, c, CalibrationScorer.pattern(stamp, calibration))) {
            RowMeasurement m = evaluation.measure(mask.model());
            ConceptRow row = m.row(c, Squares.CLASSES, "mask", mask);
            ConceptDetail detail = ConceptDetail.of(c, "mask", mask, m);
            PatternEffect effect = stamp.measure(mask.model(), report);
            PatternEffect before = stamp.measure(io.unlearn.ml.suppression.InferenceModel.of(original), report);
            assertEquals("pattern", row.kind());
            assertEquals(List.of("c3"), row.labels());
            assertEquals(before.effect(), row.conceptAccBefore());
            assertEquals(effect.effect(), row.conceptAccAfter());
            assertEquals(0, row.conceptAccAfter(), "masking the target removes the stamp's effect");
            assertEquals(effect.cleanAccuracy(), row.otherAccAfter());
            assertEquals(effect.cleanTargetRate(), detail.cleanFalseTargetRate());
            assertEquals(0, mask.calibrationConceptAcc(), "calibration scores the stamp's effect too");
            assertTrue(Double.isFinite(row.probeAccAfter()) && row.probeChance() > 0, row.toString());
            assertTrue(row.relearnAccK10() >= 0 && row.relearnAccK100() >= 0, row.toString());
        }
    }

    private static int indexOfFirstStamped() {
        DataView train = stamp.data().dataset().train();
        return IntStream.range(0, train.size()).filter(i -> StampedDataset.isStamped(train.id(i))).findFirst()
                .orElseThrow();
    }
}
