package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The probe and the relearning attack on {@link ToyModels}: they must find the concept in the untouched model, see
 * through removals that leave the representation alone (an output mask, an edited head), and find nothing once the
 * representation carries no information.
 */
class ConceptAttackToyTest {

    private static ConceptAttackReport evaluate(InferenceModel model) {
        return ConceptAttackEvaluation.builder().setModel(model).setConcept(ToyModels.A)
                .setAttackerView(ToyModels.data().train()).setHeldOutView(ToyModels.data().test()).optSeed(3)
                .build().run();
    }

    /** @return the model's own concept accuracy on the held-out concept samples, in percent */
    private static double conceptAcc(InferenceModel model) {
        DataView test = ToyModels.data().test();
        boolean[] in = ToyModels.A.membership(test);
        int[] predicted = model.predict(test);
        int[] rows = IntStream.range(0, in.length).filter(i -> in[i]).toArray();
        long hit = IntStream.of(rows).filter(i -> ToyModels.A.labels().contains(predicted[i])).count();
        return 100.0 * hit / rows.length;
    }

    @Test
    void findsTheConceptInTheUntouchedModel() {
        ConceptAttackReport r = evaluate(InferenceModel.of(ToyModels.model()));
        System.out.println("untouched: " + r);
        assertTrue(r.probeAccAfter() > r.probeChance() + 40, "class a is linearly separable: " + r.probeAfter());
        assertTrue(r.relearnAccK10() > 90, "nothing was removed: " + r.relearnK10());
        assertTrue(r.relearnK10().otherAccAfter() > 85, "fine-tuning should not break the other classes: "
                + r.relearnK10());
        assertEquals(10, r.relearnK10().conceptSamples());
        assertEquals(100, r.relearnK100().otherSamples());
        assertTrue(r.editedLayerProbe().isEmpty(), "no edited layer in an unsuppressed model");
        assertEquals(r, evaluate(InferenceModel.of(ToyModels.model())), "the same seed draws the same samples");
    }

    @Test
    void seesThroughAnOutputMask() {
        OutputMask mask = OutputMask.hiding(ToyModels.model(), ToyModels.A.labels());
        ConceptAttackReport r = evaluate(mask);
        System.out.println("output mask: concept accuracy " + conceptAcc(mask) + ", " + r);
        assertTrue(conceptAcc(mask) < 1, "the mask hides class a at the output");
        assertTrue(r.probeAccAfter() > r.probeChance() + 40, "but the representation still carries it");
        assertTrue(r.relearnAccK10() > 90, "and ten samples bring it back: " + r.relearnK10());
    }

    @Test
    void relearningUndoesAHeadEdit() {
        try (Classifier edited = ToyModels.model().copy()) {
            for (Pair<String, Parameter> p : edited.head().getParameters()) {
                p.getValue().getArray().set(new NDIndex("0"), p.getValue().getType() == Parameter.Type.BIAS ? -3f : 0f);
            }
            InferenceModel model = InferenceModel.of(edited);
            ConceptAttackReport r = evaluate(model);
            System.out.println("head edit: concept accuracy " + conceptAcc(model) + ", " + r);
            assertTrue(conceptAcc(model) < 5, "class a's head row is gone: " + conceptAcc(model));
            assertTrue(r.relearnK10().conceptAccBefore() < 5, "the unchanged head agrees: " + r.relearnK10());
            assertTrue(r.relearnAccK10() > 90, "the representation still has class a: " + r.relearnK10());
            assertTrue(r.relearnK10().otherAccAfter() > 85, "and the others stay: " + r.relearnK10());
        }
    }

    @Test
    void aRepresentationWithNothingLeftGivesAProbeAtChance() {
        // every latent clamped to 0 without the error term: the head's input is the SAE's constant b_pre
        int latents = ToyModels.sae(ModelLayer.PENULTIMATE).latents();
        try (SuppressedModel blank = ToyModels.suppressed(ModelLayer.PENULTIMATE, latents, 0.0, false)) {
            ConceptAttackReport r = evaluate(blank);
            System.out.println("all latents clamped: " + r);
            assertTrue(Math.abs(r.probeAfter().aboveChance()) < 5, "nothing to read: " + r.probeAfter());
            assertTrue(r.relearnK100().otherAccAfter() < 40, "a head on a constant input names one class for every"
                    + " sample, which the other accuracy shows: " + r.relearnK100());
        }
    }

    @Test
    void reportsTheSaeSuppressionsOfBothLayers() {
        for (String layer : new String[] {ModelLayer.PENULTIMATE, ToyModels.LOWER_LAYER}) {
            try (SuppressedModel suppressed = ToyModels.suppressed(layer, 4, null, true)) {
                ConceptAttackReport r = evaluate(suppressed);
                System.out.println("suppressed at " + layer + ": concept accuracy " + conceptAcc(suppressed) + ", "
                        + r);
                assertEquals(layer.equals(ModelLayer.PENULTIMATE), r.editedLayerProbe().isEmpty());
                r.editedLayerProbe().ifPresent(p -> assertEquals(layer, p.layer()));
                assertEquals(ModelLayer.PENULTIMATE, r.probeAfter().layer());
            }
        }
    }
}
