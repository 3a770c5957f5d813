package io.unlearn.ml.unlearn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.ModelTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnlearningMethodsTest {

    private static UnlearnDataset data;
    private static Classifier original;
    private static List<String> forget;

    @BeforeAll
    static void trainSmallModel() {
        data = TestData.fashionSlice(1200, 300);
        original = ModelTraining.trainNew(TestData.smallMlp(3, 11), data.train(), TestData.cpu(),
                ProgressListener.NONE).model();
        forget = data.randomForgetIds(0.1, 5);
    }

    @AfterAll
    static void close() {
        original.close();
    }

    private static UnlearningTask task(Map<String, ? extends Number> hp) {
        return UnlearningTask.builder().setModel(original).setDataset(data).setForgetIds(forget)
                .optHyperparameters(hp).optSeed(3).build();
    }

    @Test
    void retrainNeverReadsAForgottenSample() {
        RecordingSamples recording = new RecordingSamples(data.train().source());
        UnlearnDataset watched = new UnlearnDataset(DataView.all(recording).slice(0, 1200), data.test());
        UnlearningTask task = UnlearningTask.builder().setModel(original).setDataset(watched).setForgetIds(forget)
                .optHyperparameters(Map.of("epochs", 1)).build();
        recording.read.clear();
        try (UnlearningResult r = UnlearningMethods.byName("retrain").unlearn(task, ProgressListener.NONE)) {
            assertThat(recording.read).hasSize(1200 - forget.size()).doesNotContainAnyElementsOf(forget);
            assertThat(r.report().resultSha256()).isNotEqualTo(original.sha256());
        }
    }

    @Test
    void gradientAscentRaisesTheForgetLoss() {
        double before = Predictor.predict(original, task(Map.of()).split().forget()).meanLoss();
        try (UnlearningResult r = UnlearningMethods.byName("ga").unlearn(task(Map.of("lr", 1e-3, "epochs", 2)),
                ProgressListener.NONE)) {
            double after = Predictor.predict(r.model(), task(Map.of()).split().forget()).meanLoss();
            assertThat(after).isGreaterThan(before * 1.5);
        }
    }

    @Test
    void everyMethodRunsDeterministicallyAndLeavesTheOriginalUntouched() {
        String originalSha = original.sha256();
        for (String name : UnlearningMethods.NAMES) {
            UnlearningMethod method = UnlearningMethods.byName(name);
            Map<String, Number> quick = name.equals("retrain") ? Map.of("epochs", 1) : Map.of();
            List<ProgressEvent> events = new ArrayList<>();
            String first;
            try (UnlearningResult r = method.unlearn(task(quick), events::add)) {
                first = r.report().resultSha256();
                assertThat(first).as(name).isEqualTo(r.model().sha256()).isNotEqualTo(originalSha);
                assertThat(r.report().method()).isEqualTo(name);
                assertThat(r.report().hyperparameters()).containsAllEntriesOf(method.defaults().with(quick).asMap());
                assertThat(r.report().forgetSize()).isEqualTo(forget.size());
                assertThat(r.report().seconds()).isPositive();
            }
            assertThat(events).as(name + " reports progress").isNotEmpty();
            try (UnlearningResult again = method.unlearn(task(quick), ProgressListener.NONE)) {
                assertThat(again.report().resultSha256()).as(name + " is deterministic").isEqualTo(first);
            }
        }
        assertThat(original.sha256()).isEqualTo(originalSha);
    }

    @Test
    void badInputsGiveClearErrors() {
        UnlearningTask.Builder b = UnlearningTask.builder().setModel(original).setDataset(data);
        assertThatThrownBy(() -> b.setForgetIds(List.of()).build()).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("forget set is empty");
        assertThatThrownBy(() -> b.setForgetIds(List.of("fmnist/train/999999")).build())
                .isInstanceOf(UnlearnException.class).hasMessageContaining("unknown sample id");
        assertThatThrownBy(() -> b.setForgetIds(data.train().ids()).build()).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("nothing is left to retain");
        assertThatThrownBy(() -> UnlearningTask.builder().setDataset(data).build())
                .isInstanceOf(UnlearnException.class).hasMessageContaining("setModel").hasMessageContaining("setForgetIds");
        assertThatThrownBy(() -> UnlearningMethods.byName("ft").unlearn(task(Map.of("learning_rate", 1)),
                ProgressListener.NONE)).isInstanceOf(UnlearnException.class).hasMessageContaining("it takes [batch_size, cosine, epochs, lr]");
        assertThatThrownBy(() -> UnlearningMethods.byName("ft").unlearn(task(Map.of("lr", -1)), ProgressListener.NONE))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("lr of ft must be > 0");
        assertThatThrownBy(() -> UnlearningMethods.byName("magic")).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("salun");
        UnlearnDataset blobs = TestData.blobs(40, 4, 1, false);
        assertThatThrownBy(() -> UnlearningTask.builder().setModel(original).setDataset(blobs)
                .setForgetIds(List.of("blobs/train/000001")).build()).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("the model expects inputs [1, 28, 28]");
    }

    @Test
    void nanLossStopsWithAClearError() {
        UnlearnDataset poisoned = TestData.blobs(64, 4, 2, true);
        io.unlearn.ml.model.ModelSpec spec = new io.unlearn.ml.model.ModelSpec(io.unlearn.ml.model.Architecture.MLP,
                List.of(4L), 2, List.of(8), io.unlearn.ml.model.TrainingSpec.builder().optEpochs(1).build());
        try (Classifier model = Classifier.create(spec, TestData.cpu())) {
            UnlearningTask t = UnlearningTask.builder().setModel(model).setDataset(poisoned)
                    .setForgetIds(List.of("blobs/train/000005")).build();
            assertThatThrownBy(() -> UnlearningMethods.byName("ft").unlearn(t, ProgressListener.NONE))
                    .isInstanceOf(UnlearnException.class).hasMessageContaining("ft: loss became NaN")
                    .hasMessageContaining("lower the learning rate");
        }
    }
}
