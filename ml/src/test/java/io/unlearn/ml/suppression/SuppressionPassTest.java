package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.TestData;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SaeFixtures;
import io.unlearn.ml.sae.SaeIdentity;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeSpec;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sparse inference path must equal the defining formula {@code decode(z') + (x − decode(z))}. */
class SuppressionPassTest {

    @Test
    void sparsePathEqualsTheFormulaForTopKAndRelu() {
        Classifier model = SaeFixtures.model();
        SaeSpec relu = SaeSpec.builder().setKind(SaeKind.RELU_L1).optExpansion(4).optSeed(9).build();
        SaeIdentity reluId = new SaeIdentity(ModelLayer.PENULTIMATE, model.sha256(), 64, 256, relu);
        float[] mean = new float[64];
        java.util.Arrays.fill(mean, 0.1f);
        try (SparseAutoencoder reluSae = SparseAutoencoder.initialise(reluId, mean, TestData.cpu())) {
            for (SparseAutoencoder sae : List.of(SaeFixtures.sae(), reluSae)) {
                try (NDManager m = model.newManager()) {
                    var view = SaeFixtures.data().test();
                    NDArray x = ModelLayer.of(model, null).activations(m, view.features(m, view.positions(), 0, 64));
                    NDArray z = sae.encode(x);
                    long[] busiest = z.sum(new int[] {0}).argSort(0, false).toLongArray(); // most active first
                    List<SuppressedFeature> features = List.of(new SuppressedFeature((int) busiest[0], 0, -0.5),
                            new SuppressedFeature((int) busiest[1], 0, -2), new SuppressedFeature((int) busiest[2], 0,
                            0.25));
                    SuppressionConfig c = SuppressionConfig.builder().setConceptName("x")
                            .setLayer(ModelLayer.PENULTIMATE).setSaeSha256(sae.sha256()).setDictionarySize(256)
                            .setFeatures(features).setModelVersion(model.sha256()).build();
                    SuppressionPass pass = SuppressionPass.of(sae, List.of(c), m);
                    float[] scale = new float[256];
                    java.util.Arrays.fill(scale, 1f);
                    features.forEach(f -> scale[f.index()] = (float) f.scale());
                    NDArray expected = sae.decode(z.mul(m.create(scale))).add(x.sub(sae.decode(z)));
                    NDArray actual = pass.apply(x);
                    assertTrue(actual.sub(x).abs().max().getFloat() > 1e-2, "the edit should change the layer");
                    assertTrue(expected.allClose(actual, 1e-4, 1e-4, false), sae.identity().spec().kind()
                            + ": sparse path differs from the formula");
                }
            }
        }
    
    }

    /** With gate thresholds a TopK pass computes z = pre · [pre > θ] on the chosen latents only. */
    @Test
    void gatedTopKPathEqualsTheJumpReluFormula() {
        Classifier model = SaeFixtures.model();
        SparseAutoencoder sae = SaeFixtures.sae();
        try (NDManager m = model.newManager()) {
            var view = SaeFixtures.data().test();
            NDArray x = ModelLayer.of(model, null).activations(m, view.features(m, view.positions(), 0, 64));
            NDArray pre = sae.preActivations(x);
            long[] busiest = sae.encode(x).sum(new int[] {0}).argSort(0, false).toLongArray();
            int a = (int) busiest[0];
            int b = (int) busiest[1];
            float[] column = pre.get(":, " + a).toFloatArray();
            float[] sorted = column.clone();
            java.util.Arrays.sort(sorted);
            double thetaA = Math.max(1e-3, sorted[sorted.length * 3 / 4]); // a quarter of the samples pass the gate
            List<SuppressedFeature> features = List.of(new SuppressedFeature(a, 0, -0.5, thetaA),
                    new SuppressedFeature(b, 0, -2, 0.0));
            SuppressionConfig c = SuppressionConfig.builder().setConceptName("x").setLayer(ModelLayer.PENULTIMATE)
                    .setSaeSha256(sae.sha256()).setDictionarySize(sae.latents()).setFeatures(features)
                    .setModelVersion(model.sha256()).build();
            NDArray actual = SuppressionPass.of(sae, List.of(c), m).apply(x);
            float[] preAll = pre.toFloatArray();
            float[] dec = sae.decoder().toFloatArray();
            float[] expected = x.toFloatArray();
            int d = sae.inputDim();
            int h = sae.latents();
            for (int r = 0; r < 64; r++) {
                float pa = preAll[r * h + a];
                float pb = preAll[r * h + b];
                float za = pa > thetaA ? pa : 0f;
                float zb = pb > 0 ? pb : 0f;
                for (int j = 0; j < d; j++) {
                    expected[r * d + j] += (-0.5f - 1f) * za * dec[a * d + j] + (-2f - 1f) * zb * dec[b * d + j];
                }
            }
            assertTrue(m.create(expected, x.getShape()).allClose(actual, 1e-4, 1e-4, false),
                    "gated path differs from the JumpReLU formula");
        }
    }
}
