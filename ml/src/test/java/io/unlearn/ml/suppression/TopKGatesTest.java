package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SaeFixtures;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JumpReLU gates that let a TopK suppression compute only its chosen latents. */
class TopKGatesTest {

    @Test
    void thresholdSitsBetweenWhatTopKDropsAndWhatItKeeps() {
        TopKGates gates = new TopKGates(2);
        // latent 0: kept at 2.0 and 3.0, dropped at 0.5 and 0.9; latent 1: never kept
        float[] pre = {2f, 0.4f, 0.5f, 0.3f, 3f, 0.2f, 0.9f, 0.1f};
        float[] z = {2f, 0f, 0f, 0f, 3f, 0f, 0f, 0f};
        gates.add(pre, z, 4);
        double[] theta = gates.thresholds();
        assertTrue(theta[0] > 0.9 && theta[0] <= 2.0, "θ₀ between the largest dropped and the smallest kept: " + theta[0]);
        assertEquals(Double.MAX_VALUE, theta[1]);
        assertEquals(1.0, gates.agreement(theta, 0), 1e-9);
        assertEquals(1.0, gates.agreement(theta, 1), 1e-9);
        double[] relu = {0, 0};
        assertEquals(0.5, gates.agreement(relu, 0), 1e-9, "a plain ReLU gate opens on both dropped values");
    }

    /** On a trained TopK SAE the gates reproduce the TopK codes of the chosen latents far better than ReLU does. */
    @Test
    void gatesAgreeWithTopKOnATrainedSae() {
        Classifier model = SaeFixtures.model();
        SparseAutoencoder sae = SaeFixtures.sae();
        var view = SaeFixtures.data().train();
        Activations acts = ActivationCapture.capture(ModelLayer.of(model, sae.identity().layer()), view);
        boolean[] concept = new boolean[view.size()];
        for (int i = 0; i < concept.length; i++) {
            concept[i] = view.label(i) == 0;
        }
        FeatureScores scores = FeatureScoring.score(sae, acts, concept, FeatureScoring.DEFAULT_DELTA);
        assertNotNull(scores.gates());
        int[] chosen = scores.top(8);
        double agreement = scores.meanGateAgreement(chosen);
        assertTrue(agreement > 0.9, "gate agreement on the chosen latents: " + agreement);
        try (NDManager m = model.newManager()) {
            NDArray x = acts.range(m, 0, Math.min(acts.size(), 500));
            float[] exact = sae.encode(x).toFloatArray();
            float[] pre = sae.preActivations(x).toFloatArray();
            int h = sae.latents();
            long gateWrong = 0;
            long reluWrong = 0;
            for (int r = 0; r < exact.length / h; r++) {
                for (int i : chosen) {
                    boolean on = exact[r * h + i] > 0;
                    gateWrong += (pre[r * h + i] > scores.gates()[i]) != on ? 1 : 0;
                    reluWrong += (pre[r * h + i] > 0) != on ? 1 : 0;
                }
            }
            assertTrue(gateWrong * 2 < reluWrong, "gates wrong " + gateWrong + " times, ReLU " + reluWrong);
        }
    }

    @Test
    void configsCarryTheGatesOfATopKSaeOnly() {
        Classifier model = SaeFixtures.model();
        SparseAutoencoder sae = SaeFixtures.sae();
        double[] s = new double[sae.latents()];
        s[3] = 1;
        double[] theta = new double[sae.latents()];
        theta[3] = 0.7;
        FeatureScores gated = new FeatureScores(s, s, s, theta, s);
        SuppressionConfig c = SuppressionConfig.of("x", List.of(), sae, "", gated, 1, -0.5, null, true);
        assertEquals(0.7, c.features().get(0).threshold(), 1e-12);
        assertEquals(c, SuppressionConfig.fromJson(c.toJson()), "the gate survives JSON");
        assertNull(SuppressionConfig.of("x", List.of(), sae, "", new FeatureScores(s, s, s), 1, -0.5, null, true)
                .features().get(0).threshold());
        assertArrayEquals(new int[] {3}, gated.top(1));
        assertEquals(model.sha256(), c.modelVersion());
    }
}
