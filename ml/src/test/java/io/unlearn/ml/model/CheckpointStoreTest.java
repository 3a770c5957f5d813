package io.unlearn.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.train.ModelTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsBitIdentically() throws Exception {
        UnlearnDataset data = TestData.fashionSlice(500, 100);
        CheckpointStore store = new CheckpointStore(dir);
        ModelSpec spec = TestData.smallMlp(1, 3);
        try (ModelTraining.Trained t = ModelTraining.trainNew(spec, data.train(), TestData.cpu(), ProgressListener.NONE)) {
            Checkpoint saved = store.save(t.model(), ArtifactMetadata.trained(spec));
            assertThat(saved.sha256()).isEqualTo(t.model().sha256());
            assertThat(saved.directory()).isEqualTo(dir.resolve(saved.sha256()));
            assertThat(store.save(t.model(), ArtifactMetadata.trained(spec)).sha256()).isEqualTo(saved.sha256());
            try (Classifier loaded = store.load(saved.sha256(), TestData.cpu());
                    NDManager m = loaded.newManager()) {
                assertThat(loaded.sha256()).isEqualTo(saved.sha256());
                assertThat(loaded.spec()).isEqualTo(spec);
                NDArray x = data.test().features(m, data.test().positions(), 0, 50);
                float[] a = t.model().logits(m, x).toFloatArray();
                float[] b = loaded.logits(m, x).toFloatArray();
                assertThat(b).containsExactly(a);
            }
            assertThat(store.get(saved.sha256()).metadata().producedBy()).isEqualTo("train");
        }
    }

    @Test
    void refusesTamperedAndMissingCheckpoints() throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        ModelSpec spec = TestData.smallMlp(1, 4);
        Checkpoint saved;
        try (Classifier model = Classifier.create(spec, TestData.cpu())) {
            saved = store.save(model, ArtifactMetadata.trained(spec));
        }
        byte[] bytes = Files.readAllBytes(saved.parametersFile());
        bytes[bytes.length - 1] ^= 1;
        Files.write(saved.parametersFile(), bytes);
        assertThatThrownBy(() -> store.load(saved.sha256(), TestData.cpu()))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("tampered");
        assertThatThrownBy(() -> store.load("0".repeat(64), TestData.cpu()))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("no checkpoint");
        assertThatThrownBy(() -> store.load("latest", TestData.cpu()))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("64 lower-case hex");
    }

    @Test
    void encoderThenHeadEqualsTheWholeNetwork() {
        ModelSpec spec = new ModelSpec(Architecture.CNN, java.util.List.of(1L, 28L, 28L), 10,
                java.util.List.of(4, 8, 16), TrainingSpec.builder().build());
        UnlearnDataset data = TestData.fashionSlice(10, 10);
        try (Classifier model = Classifier.create(spec, TestData.cpu()); NDManager m = model.newManager()) {
            NDArray x = data.test().features(m, data.test().positions(), 0, 10);
            NDArray features = model.encode(m, x);
            assertThat(features.getShape().getShape()).containsExactly(10, 16);
            assertThat(model.headLogits(m, features).toFloatArray()).containsExactly(model.logits(m, x).toFloatArray());
        }
    }
}
