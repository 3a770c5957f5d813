package io.unlearn.ml.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memory stays flat: per-batch managers leave no arrays behind in the model's manager. */
class MemoryScopeTest {

    @Test
    void epochsAndEvaluationsLeaveNoArraysBehind() {
        UnlearnDataset data = TestData.fashionSlice(600, 100);
        int oneEpoch;
        try (Classifier model = Classifier.create(TestData.smallMlp(1, 5), TestData.cpu())) {
            ModelTraining.fit(model, data.train(), model.spec().training(), "train", ProgressListener.NONE);
            Predictor.predict(model, data.test());
            oneEpoch = model.model().getNDManager().getManagedArrays().size();
        }
        try (Classifier model = Classifier.create(TestData.smallMlp(3, 5), TestData.cpu())) {
            ModelTraining.fit(model, data.train(), model.spec().training(), "train", ProgressListener.NONE);
            Predictor.predict(model, data.test());
            Predictor.predict(model, data.train());
            assertThat(model.model().getNDManager().getManagedArrays()).hasSize(oneEpoch);

            UnlearningTask task = UnlearningTask.builder().setModel(model).setDataset(data)
                    .setForgetIds(data.randomForgetIds(0.1, 1)).build();
            for (String method : new String[] {"l1-sparse", "salun", "scrub"}) {
                try (UnlearningResult one = UnlearningMethods.byName(method).unlearn(task, ProgressListener.NONE)) {
                    int before = one.model().model().getNDManager().getManagedArrays().size();
                    try (UnlearningResult more = UnlearningMethods.byName(method).unlearn(UnlearningTask.builder()
                            .setModel(model).setDataset(data).setForgetIds(task.split().forgetIds())
                            .optHyperparameters(Map.of("epochs", 3)).build(), ProgressListener.NONE)) {
                        assertThat(more.model().model().getNDManager().getManagedArrays()).as(method).hasSize(before);
                    }
                }
            }
        }
    }
}
