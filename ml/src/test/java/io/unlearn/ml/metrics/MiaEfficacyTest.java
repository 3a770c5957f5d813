package io.unlearn.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.train.ModelTraining;
import org.junit.jupiter.api.Test;

class MiaEfficacyTest {

    @Test
    void aModelThatMemorisedTheForgetSetScoresLowerThanOneThatNeverSawIt() {
        UnlearnDataset data = TestData.fashionSlice(1000, 400);
        ForgetSplit split = data.split(data.randomForgetIds(0.2, 9));
        ModelSpec small = TestData.smallMlp(12, 4);
        ModelSpec spec = small.withTraining(small.training().toBuilder().optLearningRate(3e-3).optBatchSize(32).build());
        try (Classifier memorised = ModelTraining.trainNew(spec, data.train(), TestData.cpu(),
                        ProgressListener.NONE).model();
                Classifier neverSaw = ModelTraining.trainNew(spec, split.retain(), TestData.cpu(),
                        ProgressListener.NONE).model()) {
            UnlearningMetrics m = MetricsEvaluator.evaluate(memorised, split, 0, 1);
            UnlearningMetrics n = MetricsEvaluator.evaluate(neverSaw, split, 0, 1);
            assertThat(m.ra()).as("both fit their training data").isGreaterThan(90);
            assertThat(n.ra()).isGreaterThan(90);
            assertThat(m.ua()).as("memorised forget set").isLessThan(5);
            assertThat(n.ua()).as("unseen forget set").isGreaterThan(10);
            assertThat(m.mia()).isLessThan(n.mia() - 3);
        }
    }

    @Test
    void avgGapIsTheMeanAbsoluteDifference() {
        UnlearningMetrics a = new UnlearningMetrics(10, 20, 90, 80, 1);
        UnlearningMetrics b = new UnlearningMetrics(12, 16, 91, 80, 9);
        assertThat(a.avgGap(b)).isEqualTo((2 + 4 + 1 + 0) / 4.0);
        assertThat(a.avgGap(a)).isZero();
    }
}
