package io.unlearn.ml.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTrainingTest {

    @Test
    void sameSeedSameDataGivesSameParameterHash() {
        UnlearnDataset data = TestData.fashionSlice(1000, 100);
        ModelSpec spec = TestData.smallMlp(2, 7);
        List<ProgressEvent> events = new ArrayList<>();
        String first;
        try (ModelTraining.Trained a = trainedOf(spec, data, events::add)) {
            first = a.model().sha256();
            assertThat(a.report().parameterSha256()).isEqualTo(first);
        }
        try (ModelTraining.Trained b = trainedOf(spec, data, e -> { })) {
            assertThat(b.model().sha256()).isEqualTo(first);
        }
        try (ModelTraining.Trained c = trainedOf(TestData.smallMlp(2, 8), data, e -> { })) {
            assertThat(c.model().sha256()).as("another seed gives other parameters").isNotEqualTo(first);
        }
        assertThat(events).extracting(ProgressEvent::step).containsExactly(1, 2);
        assertThat(events.get(1).value("loss")).isLessThan(events.get(0).value("loss"));
    }

    @Test
    void trainingLearnsTheTask() {
        UnlearnDataset data = TestData.fashionSlice(2000, 500);
        try (ModelTraining.Trained t = trainedOf(TestData.smallMlp(3, 1), data, e -> { })) {
            assertThat(t.report().epochs().get(2).trainAccuracy()).isGreaterThan(0.7);
        }
    }

    @Test
    void residentLoopTakesTheSameStepsAsTheBatchLoop() {
        UnlearnDataset data = TestData.fashionSlice(500, 100);
        ModelSpec spec = TestData.smallMlp(2, 3);
        io.unlearn.ml.model.TrainingSpec r = spec.training();
        try (io.unlearn.ml.model.Classifier resident = io.unlearn.ml.model.Classifier.create(spec, TestData.cpu());
                io.unlearn.ml.model.Classifier batches = resident.copy()) {
            ModelTraining.fit(resident, data.train(), r, "resident", io.unlearn.ml.ProgressListener.NONE);
            BatchOrder order = new BatchOrder(r.seed());
            int steps = r.epochs() * BatchOrder.batches(data.train().size(), r.batchSize());
            try (TrainSession s = TrainSession.open(batches, "batches", r.learningRate(), "cosine".equals(r.schedule()),
                    r.weightDecay(), steps)) {
                for (int e = 0; e < r.epochs(); e++) {
                    Epochs.run(s, data.train(), r.batchSize(), order,
                            (m, b) -> Losses.crossEntropy(s.forward(b.features()), b.labels()));
                }
            }
            assertThat(resident.sha256()).isEqualTo(batches.sha256());
        }
    }

    @Test
    void aNanLossStopsTrainingWithAClearError() {
        UnlearnDataset poisoned = TestData.blobs(64, 4, 2, true);
        ModelSpec spec = new ModelSpec(io.unlearn.ml.model.Architecture.MLP, List.of(4L), 2, List.of(8),
                io.unlearn.ml.model.TrainingSpec.builder().optEpochs(1).build());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trainedOf(spec, poisoned, e -> { }).close())
                .isInstanceOf(io.unlearn.ml.UnlearnException.class).hasMessageContaining("train: loss became NaN in epoch 1")
                .hasMessageContaining("lower the learning rate");
    }

    private static ModelTraining.Trained trainedOf(ModelSpec spec, UnlearnDataset data,
            io.unlearn.ml.ProgressListener listener) {
        return ModelTraining.trainNew(spec, data.train(), TestData.cpu(), listener);
    }
}
