package io.unlearn.ml.unlearn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EU-k on a small CNN: frozen layers stay bit-identical, the retrained ones never read a forgotten sample. */
class LastLayersRetrainTest {

    private static UnlearnDataset data;
    private static Classifier cnn;
    private static List<String> forget;

    @BeforeAll
    static void trainSmallCnn() {
        data = TestData.fashionSlice(600, 100);
        ModelSpec spec = ModelSpec.cnn(List.of(1L, 28L, 28L), 10,
                TrainingSpec.builder().optEpochs(1).optBatchSize(64).optSeed(4).build());
        cnn = ModelTraining.trainNew(spec, data.train(), TestData.cpu(), ProgressListener.NONE).model();
        forget = data.randomForgetIds(0.1, 2);
    }

    @AfterAll
    static void close() {
        cnn.close();
    }

    @Test
    void retrainsOnlyTheFullyConnectedLayersFromTheRetainSet() {
        RecordingSamples recording = new RecordingSamples(data.train().source());
        UnlearnDataset watched = new UnlearnDataset(DataView.all(recording).slice(0, 600), data.test());
        UnlearningTask task = UnlearningTask.builder().setModel(cnn).setDataset(watched).setForgetIds(forget)
                .optHyperparameters(Map.of("epochs", 2)).optSeed(1).build();
        recording.read.clear();
        try (UnlearningResult r = UnlearningMethods.byName("eu-k").unlearn(task, ProgressListener.NONE)) {
            assertThat(recording.read).hasSize(600 - forget.size()).doesNotContainAnyElementsOf(forget);
            List<float[]> before = values(cnn);
            List<float[]> after = values(r.model());
            // the CNN's parameters: conv1 w, b, conv2 w, b (frozen), fc128 w, b, output w, b (retrained)
            assertThat(after).hasSize(8);
            for (int i = 0; i < 4; i++) {
                assertThat(after.get(i)).as("frozen parameter " + i).containsExactly(before.get(i));
            }
            for (int i = 4; i < 8; i++) {
                assertThat(Arrays.equals(after.get(i), before.get(i))).as("retrained parameter " + i).isFalse();
            }
        }
    }

    @Test
    void kBeyondTheFullyConnectedLayersIsAClearError() {
        UnlearningTask task = UnlearningTask.builder().setModel(cnn).setDataset(data).setForgetIds(forget)
                .optHyperparameters(Map.of("k", 3)).build();
        assertThatThrownBy(() -> UnlearningMethods.byName("eu-k").unlearn(task, ProgressListener.NONE))
                .isInstanceOf(UnlearnException.class)
                .hasMessageContaining("has only 2 fully connected layers; choose k between 1 and 2");
    }

    private static List<float[]> values(Classifier model) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
