package io.unlearn.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import org.junit.jupiter.api.Test;

class PredictorTest {

    @Test
    void theLogOddsAreTheTrueLogitAgainstTheLogSumExpOfTheOthersAndAgreeWithTheLoss() {
        UnlearnDataset data = TestData.fashionSlice(10, 40);
        try (Classifier model = Classifier.create(TestData.smallMlp(1, 4), TestData.cpu()); NDManager m = model.newManager()) {
            Predictions p = Predictor.predict(model, data.test());
            float[] logits = model.logits(m, data.test().features(m, data.test().positions(), 0, 40)).toFloatArray();
            int classes = logits.length / 40;
            for (int i = 0; i < 40; i++) {
                int y = p.labels()[i];
                double others = 0;
                for (int j = 0; j < classes; j++) {
                    others += j == y ? 0 : Math.exp(logits[i * classes + j]);
                }
                double expected = logits[i * classes + y] - Math.log(others);
                assertThat((double) p.logOdds()[i]).as("sample " + i).isCloseTo(expected, within(1e-4));
                double fromLoss = -p.loss()[i] - Math.log(-Math.expm1(-p.loss()[i]));
                assertThat((double) p.logOdds()[i]).as("log(p / (1 − p)) where the loss has not saturated").isCloseTo(fromLoss, within(1e-3));
            }
            assertThat(p.select(new int[] {3, 1}).logOdds()).containsExactly(p.logOdds()[3], p.logOdds()[1]);
        }
    }
}
