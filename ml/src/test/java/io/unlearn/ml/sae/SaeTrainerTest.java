package io.unlearn.ml.sae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import org.junit.jupiter.api.Test;

class SaeTrainerTest {

    @Test
    void topKReconstructionImprovesWithTrainingAndKeepsK() {
        Classifier model = SaeFixtures.model();
        ModelLayer layer = ModelLayer.of(model, null);
        Activations acts = ActivationCapture.capture(layer, SaeFixtures.data().train());
        SaeIdentity id = new SaeIdentity(layer.name(), model.sha256(), acts.width(), 256, SaeFixtures.topK());
        SaeQuality before;
        try (SparseAutoencoder fresh = SparseAutoencoder.initialise(id, acts.mean(), TestData.cpu())) {
            before = SaeEvaluation.evaluate(layer, fresh, SaeFixtures.data().test());
        }
        SaeQuality after = SaeEvaluation.evaluate(layer, SaeFixtures.sae(), SaeFixtures.data().test());
        System.out.printf("TopK FVU %.3f -> %.3f, L0 %.1f, dead %.2f, acc %.1f -> %.1f%n", before.fvu(), after.fvu(),
                after.meanL0(), after.deadShare(), after.accuracyWithout(), after.accuracyWithSae());
        assertTrue(after.fvu() < 0.5 * before.fvu(), "FVU should at least halve: " + before.fvu() + " -> " + after.fvu());
        assertTrue(after.meanL0() <= 8.0 + 1e-9, "TopK keeps at most k latents, L0 was " + after.meanL0());
        assertTrue(after.accuracyWithSae() > after.accuracyWithout() - 10, "spliced accuracy " + after.accuracyWithSae());
    }

    @Test
    void reluL1TrainsAndLossFalls() {
        ModelLayer layer = ModelLayer.of(SaeFixtures.model(), ModelLayer.PENULTIMATE);
        Activations acts = ActivationCapture.capture(layer, SaeFixtures.data().train());
        SaeSpec spec = SaeSpec.builder().setKind(SaeKind.RELU_L1).optExpansion(4).optEpochs(6).optBatchSize(128)
                .optSeed(5).build();
        SaeTrainer.Trained t = SaeTrainer.train(acts, SaeFixtures.model().sha256(), spec, TestData.cpu(),
                ProgressListener.NONE);
        try (SparseAutoencoder sae = t.sae()) {
            SaeQuality q = SaeEvaluation.evaluate(layer, sae, SaeFixtures.data().test());
            System.out.printf("ReLU-L1 fvu %s, test FVU %.3f, L0 %.1f, dead %.2f%n", t.report().epochFvu(), q.fvu(),
                    q.meanL0(), q.deadShare());
            var losses = t.report().epochLoss();
            assertTrue(losses.get(losses.size() - 1) < losses.get(0), "loss should fall: " + losses);
            assertTrue(q.fvu() < 0.5, "test FVU " + q.fvu());
            assertTrue(q.meanL0() < sae.latents() / 2.0, "L1 should make codes sparse, L0 " + q.meanL0());
            assertEquals(256, sae.latents());
        }
    }

    /** PyTorch starts a fresh thread in grad mode; the in-place Adam update must still work there (a service thread). */
    @Test
    void trainsOnAFreshThreadToo() throws Exception {
        ModelLayer layer = ModelLayer.of(SaeFixtures.model(), ModelLayer.PENULTIMATE);
        Activations acts = ActivationCapture.capture(layer, SaeFixtures.data().train());
        SaeSpec spec = SaeSpec.builder().setKind(SaeKind.TOPK).optK(8).optExpansion(2).optEpochs(1).optSeed(5).build();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            try (SparseAutoencoder sae = SaeTrainer.train(acts, SaeFixtures.model().sha256(), spec, TestData.cpu(),
                    ProgressListener.NONE).sae()) {
                assertTrue(sae.latents() > 0);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fresh-service-thread");
        t.start();
        t.join();
        assertEquals(null, failure.get(), () -> "training on a fresh thread failed: " + failure.get());
    }
}
