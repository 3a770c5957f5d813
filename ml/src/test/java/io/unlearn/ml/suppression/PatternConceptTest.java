package io.unlearn.ml.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.Backdoor;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.StampedDataset;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeSpec;
import io.unlearn.ml.sae.SaeTrainer;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.train.ModelTraining;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pattern concept end to end on a Fashion-MNIST slice: a small CNN learns the corner stamp's backdoor, an SAE
 * on its penultimate layer, SAUCE scores from the stamped training ids, suppression calibrated on the first half of
 * the test slice and measured on the second half. The SAE is ReLU + L1: with a TopK SAE (k 8) on the same layer the
 * stamp's latents overlap Trouser's, and the best setting that spares the target class leaves about 46 % effect
 * (this test then fails on the drop; see docs/ARCHITECTURE.md, "Datasets and the pattern concept").
 */
class PatternConceptTest {

    private static PatternConcept stamp;
    private static Classifier model;
    private static SparseAutoencoder sae;

    @BeforeAll
    static void trainBackdooredModelAndSae() {
        StampedDataset data = StampedDataset.of(TestData.fashionSlice(6000, 2000), Backdoor.ofDefaults());
        stamp = PatternConcept.of(data);
        TrainingSpec recipe = TrainingSpec.builder().optEpochs(4).optBatchSize(64).optSeed(5).build();
        ModelSpec spec = ModelSpec.cnn(List.of(1L, 28L, 28L), 10, recipe);
        model = ModelTraining.trainNew(spec, data.dataset().train(), TestData.cpu(), ProgressListener.NONE).model();
        SaeSpec saeSpec = SaeSpec.builder().setKind(SaeKind.RELU_L1).optExpansion(4).optEpochs(10)
                .optBatchSize(128).optDeadAfterSamples(3000).optSeed(6).build();
        sae = SaeTrainer.train(ActivationCapture.capture(ModelLayer.of(model, ModelLayer.PENULTIMATE),
                data.dataset().train()), model.sha256(), saeSpec, TestData.cpu(), ProgressListener.NONE).sae();
    }

    @AfterAll
    static void close() {
        sae.close();
        model.close();
    }

    @Test
    void saeSuppressionRemovesTheLearnedStampWithSmallCollateral() {
        DataView test = stamp.data().dataset().test();
        DataView calibration = test.slice(0, test.size() / 2);
        DataView report = test.slice(test.size() / 2, test.size());
        PatternEffect before = stamp.measure(InferenceModel.of(model), report);
        System.out.println("pattern before: " + before);
        assertThat(before.excess()).as("the model should have learned the stamp: " + before).isGreaterThan(50);

        FeatureScores scores = stamp.scores(model, sae);
        List<SuppressionChoice> grid = SuppressionCalibration.grid(List.of(1, 2, 4, 8, 16), List.of(-0.5, -1.0, -2.0),
                List.of(0.0), true);
        SuppressionCalibration.Result calibrated = stamp.calibrate(model, sae, scores, calibration, grid, 2.0);
        SuppressionChoice c = calibrated.best();
        System.out.println("pattern calibration: " + c.label() + " effect " + c.conceptAcc() + " clean " + c.otherAcc()
                + " (base " + calibrated.baseConceptAcc() + ", " + calibrated.baseOtherAcc() + ")");
        SuppressionConfig config = SuppressionConfig.of(stamp.concept().name(), List.of(), sae, "mem:", scores,
                c.features(), c.scale(), c.clamp(), c.keepErrorTerm());
        try (SuppressedModel suppressed = SuppressedModel.of(model, List.of(config), List.of(sae))) {
            PatternEffect after = stamp.measure(suppressed, report);
            System.out.println("pattern after: " + after);
            assertThat(after.excess()).as("suppression should remove most of the stamp's effect: " + before + " -> "
                    + after).isLessThan(before.excess() / 4);
            assertThat(after.cleanAccuracy()).as("clean accuracy should stay: " + before + " -> " + after)
                    .isGreaterThan(before.cleanAccuracy() - 3);
            assertThat(after.targetAccuracy()).as("the target class itself should stay: " + before + " -> " + after)
                    .isGreaterThan(before.targetAccuracy() - 5);

            SuppressionReport r = stamp.evaluation(InferenceModel.of(model), suppressed, report)
                    .optAttack(AttackSpec.fgsm(0.03)).optAttackSamples(200).optTimingSamples(200).optRepeats(2)
                    .build().run();
            System.out.println("pattern evaluation: " + r);
            assertThat(r.conceptAccBefore()).isEqualTo(before.effect());
            assertThat(r.conceptAccAfter()).isEqualTo(after.effect());
            assertThat(r.otherAccAfter()).isEqualTo(after.cleanAccuracy());
        }
    }
}
