package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SaeIdentity;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeSpec;
import io.unlearn.ml.sae.SparseAutoencoder;
import org.junit.jupiter.api.Test;

class FeatureScoringTest {

    /** An identity ReLU SAE on 3 dimensions: z = ReLU(x), so the scores follow from the inputs by hand. */
    private static SparseAutoencoder identitySae() {
        SaeSpec spec = SaeSpec.builder().setKind(SaeKind.RELU_L1).optExpansion(1).build();
        SaeIdentity id = new SaeIdentity(ModelLayer.PENULTIMATE, "0".repeat(64), 3, 3, spec);
        NDManager m = NDManager.newBaseManager(TestData.cpu());
        float[] eye = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        return new SparseAutoencoder(id, m, m.create(eye, new Shape(3, 3)), m.zeros(new Shape(3)),
                m.create(eye, new Shape(3, 3)), m.zeros(new Shape(3)));
    }

    @Test
    void scoresFollowTheSauceFormula() {
        // concept rows: (2, 1, 0) and (4, 1, 0); other rows: (0, 1, 3) and (0, 1, 1)
        float[] rows = {2, 1, 0, 0, 1, 3, 4, 1, 0, 0, 1, 1};
        Activations acts = new Activations(ModelLayer.PENULTIMATE, TestData.blobs(4, 3, 1, false).train(), 3, rows);
        try (SparseAutoencoder sae = identitySae()) {
            FeatureScores s = FeatureScoring.score(sae, acts, new boolean[] {true, false, true, false}, 0);
            // μ⁺ = (3, 1, 0), Σ = 4; μ⁻ = (0, 1, 2), Σ = 3
            assertArrayEquals(new double[] {3, 1, 0}, s.meanConcept(), 1e-6);
            assertArrayEquals(new double[] {0.75, 0.25 - 1.0 / 3, -2.0 / 3}, s.score(), 1e-6);
            assertArrayEquals(new int[] {0, 1}, s.top(2));
            assertEquals(3, s.top(3).length);
            assertThrows(UnlearnException.class, () -> s.top(4));
            assertThrows(UnlearnException.class,
                    () -> FeatureScoring.score(sae, acts, new boolean[] {true, true, true, true}, 0));
        }
    }
}
