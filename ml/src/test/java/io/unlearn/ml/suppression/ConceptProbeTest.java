package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Activations;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The probe on synthetic representations whose answer is known: one that carries the concept along one noisy
 * direction, and one that is noise only (the concept's information destroyed).
 */
class ConceptProbeTest {

    private static final DataView VIEW = ToyConcepts.dataset(4000, 21).train();
    private static final Concept A = Concept.ofClasses("a", List.of("a"), ToyConcepts.CLASSES);
    private static final int WIDTH = 12;

    /** Gaussian noise, plus {@code signal} on the last feature for concept samples. */
    private static Activations synthetic(double signal, long seed) {
        Random r = new Random(seed);
        boolean[] in = A.membership(VIEW);
        float[] values = new float[VIEW.size() * WIDTH];
        for (int i = 0; i < VIEW.size(); i++) {
            for (int j = 0; j < WIDTH; j++) {
                values[i * WIDTH + j] = (float) (3 * r.nextGaussian() + 5);
            }
            values[i * WIDTH + WIDTH - 1] += in[i] ? (float) signal : 0f;
        }
        return new Activations("synthetic", VIEW, WIDTH, values);
    }

    private static ConceptProbe probe(long seed) {
        return ConceptProbe.builder().setConcept(A).optMaxPerSide(600).optSeed(seed).build();
    }

    @Test
    void findsAConceptCarriedByOneDirection() {
        ProbeResult r = probe(3).measure(synthetic(12, 1));
        System.out.println("probe, concept on one direction: " + r);
        assertEquals(600, r.trainSize(), "half of 600 per side is fitted on");
        assertEquals(600, r.testSize());
        assertEquals(50.0, r.chance(), 1e-9, "a balanced held-out part");
        assertTrue(r.accuracy() > 95, "the concept is 4 sd away along one feature: " + r.accuracy());
    }

    @Test
    void staysNearChanceWhenTheConceptIsGone() {
        ProbeResult r = probe(3).measure(synthetic(0, 2));
        System.out.println("probe, noise only: " + r);
        // 600 held-out samples: one standard error of a 50 % accuracy is 2 points
        assertTrue(Math.abs(r.aboveChance()) < 7, "noise should not be separable: " + r);
    }

    @Test
    void sameSeedSameAnswer() {
        Activations acts = synthetic(2, 4);
        assertEquals(probe(5).measure(acts), probe(5).measure(acts));
    }

    @Test
    void refusesAViewWithoutBothSides() {
        Activations acts = synthetic(0, 1);
        ConceptProbe p = ConceptProbe.builder().setConcept(Concept.ofClasses("all", ToyConcepts.CLASSES,
                ToyConcepts.CLASSES)).build();
        UnlearnException e = assertThrows(UnlearnException.class, () -> p.measure(acts));
        assertTrue(e.getMessage().contains("needs at least 2 concept and 2 other samples"), e.getMessage());
        assertThrows(UnlearnException.class, () -> ConceptProbe.builder().optTrainShare(1).build());
    }
}
