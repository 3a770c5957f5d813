package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import org.junit.jupiter.api.Test;

/**
 * {@link InferenceModel#representation}: the base model's encoder output by default (so an output mask exposes it),
 * the edited head input for a {@link SuppressedModel}, whichever layer it edits.
 */
class RepresentationTest {

    private static final int BATCH = 200;

    @Test
    void theDefaultIsThePenultimateLayerAndAnOutputMaskKeepsIt() {
        Classifier model = ToyModels.model();
        try (NDManager m = model.newManager()) {
            NDArray x = batch(m);
            NDArray plain = InferenceModel.of(model).representation(m, x);
            assertTrue(plain.allClose(ModelLayer.of(model, null).activations(m, x)), "default = penultimate layer");
            NDArray masked = OutputMask.hiding(model, ToyModels.A.labels()).representation(m, x);
            assertTrue(masked.allClose(plain), "an output mask leaves the representation as it was");
        }
    }

    @Test
    void aPenultimateSuppressionReturnsItsEditedActivations() {
        check(ModelLayer.PENULTIMATE);
    }

    @Test
    void aLowerSuppressionContinuesFromItsEditsToTheHeadInput() {
        check(ToyModels.LOWER_LAYER);
    }

    /** The override differs from the default, and the head on it gives the suppressed model's own logits. */
    private static void check(String layer) {
        Classifier model = ToyModels.model();
        try (SuppressedModel suppressed = ToyModels.suppressed(layer, 4, null, true);
                NDManager m = model.newManager()) {
            NDArray x = batch(m);
            NDArray plain = InferenceModel.of(model).representation(m, x);
            NDArray edited = suppressed.representation(m, x);
            float change = edited.sub(plain).abs().max().getFloat();
            assertTrue(change > 1e-2, layer + ": an active suppression should change the representation, max change "
                    + change);
            assertTrue(model.headLogits(m, edited).allClose(suppressed.logits(m, x), 1e-4, 1e-4, false),
                    layer + ": the head on the representation should give the suppressed logits");
            NDArray atLayer = suppressed.editedActivations(m, x);
            NDArray expected = layer.equals(ModelLayer.PENULTIMATE) ? atLayer : atLayer.maximum(0f); // then a ReLU
            assertTrue(edited.allClose(expected, 1e-5, 1e-5, false), layer + ": representation = edited layer, "
                    + "carried through the rest of the encoder");
        }
    }

    private static NDArray batch(NDManager m) {
        DataView view = ToyModels.data().test();
        return view.features(m, view.positions(), 0, BATCH);
    }
}
