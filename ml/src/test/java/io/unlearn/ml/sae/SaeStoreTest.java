package io.unlearn.ml.sae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaeStoreTest {

    @Test
    void trainsOnceThenReusesAndVerifiesTheHash(@TempDir Path dir) throws Exception {
        Classifier model = SaeFixtures.model();
        DataView train = SaeFixtures.data().train().slice(0, 1000);
        DataView eval = SaeFixtures.data().test().slice(0, 300);
        SaeSpec spec = SaeSpec.builder().setKind(SaeKind.TOPK).optExpansion(2).optK(4).optEpochs(1).build();
        SaeStore store = new SaeStore(dir);
        SaeArtifact first = store.obtain(model, null, spec, train, eval, ProgressListener.NONE);
        SaeArtifact second = store.obtain(model, ModelLayer.PENULTIMATE, spec, train, eval, ProgressListener.NONE);
        assertFalse(first.reused());
        assertTrue(second.reused());
        assertEquals(first.sha256(), second.sha256());
        assertEquals(model.sha256(), second.metadata().identity().parentModelSha256());
        assertEquals(300, second.metadata().quality().samples());
        try (SparseAutoencoder sae = store.load(first.sha256(), TestData.cpu())) {
            assertEquals(first.sha256(), sae.sha256());
            assertEquals(128, sae.latents());
        }
        Path file = first.directory().resolve(SaeStore.SAE_FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        UnlearnException e = assertThrows(UnlearnException.class, () -> store.load(first.sha256(), TestData.cpu()));
        assertTrue(e.getMessage().contains("corrupt or tampered"), e.getMessage());
    }

    @Test
    void rehashReportsWhatTheFileHashesToNowWithoutLoadingIt(@TempDir Path dir) throws Exception {
        byte[] bytes = "an SAE's identity and parameters".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = SaeBytes.sha256(bytes);
        Path file = Files.createDirectories(dir.resolve(sha)).resolve(SaeStore.SAE_FILE);
        Files.write(file, bytes);
        SaeStore store = new SaeStore(dir);
        assertEquals(sha, store.rehash(sha));
        bytes[0] ^= 1;
        Files.write(file, bytes);
        assertEquals(SaeBytes.sha256(bytes), store.rehash(sha));
        assertThrows(UnlearnException.class, () -> store.rehash("0".repeat(64)));
        UnlearnException e = assertThrows(UnlearnException.class, () -> store.rehash("not-a-sha"));
        assertTrue(e.getMessage().contains("not an SAE address"), e.getMessage());
    }

    @Test
    void layerCutsReproduceTheModelsLogits() {
        Classifier model = SaeFixtures.model();
        for (String name : ModelLayer.names(model)) {
            ModelLayer layer = ModelLayer.of(model, name);
            try (NDManager m = model.newManager()) {
                DataView v = SaeFixtures.data().test();
                NDArray x = v.features(m, v.positions(), 0, 16);
                NDArray direct = model.logits(m, x);
                NDArray viaCut = layer.logitsFrom(m, layer.activations(m, x));
                assertTrue(direct.allClose(viaCut, 1e-5, 1e-6, false), "layer " + name);
            }
        }
        assertEquals(ModelLayer.PENULTIMATE, ModelLayer.of(model, "encoder.2").name());
    }
}
