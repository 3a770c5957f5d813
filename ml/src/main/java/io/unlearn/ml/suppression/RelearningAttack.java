package io.unlearn.ml.suppression;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Activations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The relearning attack on a concept removal: an attacker with k labelled concept samples fine-tunes the model's
 * classification head (its final linear layer) on the frozen representation after removal
 * ({@link InferenceModel#representation}) and measures whether the concept comes back on held-out samples.
 *
 * <p>The attacker draws k concept samples and as many non-concept samples (so that the head does not learn to
 * answer a concept class for everything) from its view, seeded; each keeps its true label. The head starts from its
 * current weights and takes {@code steps} full-batch gradient steps of softmax regression ({@link SoftmaxHead}) on a
 * class-balanced loss: every class present in the drawn set weighs the same in total. Without it the drawn counts
 * would teach the head a prior (k concept samples over a few classes against k others spread over the rest), and a
 * concept class would win on samples the representation says nothing about; with it the head only moves where the
 * representation separates the classes.
 * Held-out samples are then scored with the fine-tuned head: concept accuracy on the concept samples, and ordinary
 * accuracy on the others, which shows a head that learnt only the class prior of its fine-tuning set (on a
 * representation with nothing left to read, such a head names a concept class for every sample: high concept
 * accuracy, low other accuracy). Build with {@link #builder()}.
 */
public final class RelearningAttack {

    /** Default full-batch gradient steps. */
    public static final int DEFAULT_STEPS = 200;
    /** Default step size, in units of {@code 1 / mean(‖x‖² + 1)} over the fine-tuning rows (stable below 4). */
    public static final double DEFAULT_STEP_SIZE = 1.0;

    private final Builder b;
    private Activations heldOut; // the held-out view's representation, captured on the first run
    private int[] heldOutConcept; // its positions of concept samples
    private int[] heldOutOther; // and of the others

    private RelearningAttack(Builder b) {
        this.b = b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param k labelled concept samples the attacker uses, at least 1
     * @return what the fine-tuned head brings back
     * @throws UnlearnException when the attacker's view has no concept sample, or the held-out view lacks concept or
     *     other samples
     */
    public RelearningResult run(int k) {
        if (k < 1) {
            throw new UnlearnException("a relearning attack needs k >= 1 concept samples, was " + k);
        }
        boolean[] membership = b.concept.membership(b.attackerView);
        Random random = new Random(b.seed);
        int[] concept = ConceptDraws.draw(membership, true, k, random);
        int[] other = ConceptDraws.draw(membership, false, concept.length, random);
        if (concept.length == 0) {
            throw new UnlearnException("the attacker's view has no sample of concept '" + b.concept.name()
                    + "'; pass a view with labelled concept samples (e.g. the training split)");
        }
        int[] drawn = IntStream.concat(IntStream.of(concept), IntStream.of(other)).toArray();
        Activations train = b.model.representations(ConceptDraws.subview(b.attackerView, drawn));
        if (heldOut == null) {
            heldOut = heldOutRepresentation();
        }
        int[] labels = IntStream.range(0, train.size()).map(i -> train.view().label(i)).toArray();
        SoftmaxHead head = SoftmaxHead.of(b.model.base());
        if (head.width() != train.width()) {
            throw new UnlearnException("the model's representation has width " + train.width() + " but its head reads "
                    + head.width() + "; InferenceModel.representation must return the head's input");
        }
        int[] before = head.predict(heldOut.values(), heldOut.size());
        SoftmaxHead tuned = head.fineTuned(train.values(), labels, classBalancedWeights(labels), b.steps, b.stepSize);
        int[] after = tuned.predict(heldOut.values(), heldOut.size());
        return new RelearningResult(k, concept.length, other.length, heldOutConcept.length, heldOutOther.length,
                conceptAccuracy(before), conceptAccuracy(after), otherAccuracy(before), otherAccuracy(after));
    }

    /** @return per row, {@code 1 / (classes present × rows of its class)}: every class present weighs the same */
    private static double[] classBalancedWeights(int[] labels) {
        Map<Integer, Long> counts = IntStream.of(labels).boxed()
                .collect(Collectors.groupingBy(l -> l, Collectors.counting()));
        return IntStream.of(labels).mapToDouble(l -> 1.0 / (counts.get(l) * counts.size())).toArray();
    }

    private Activations heldOutRepresentation() {
        boolean[] membership = b.concept.membership(b.heldOutView);
        heldOutConcept = IntStream.range(0, membership.length).filter(i -> membership[i]).toArray();
        heldOutOther = IntStream.range(0, membership.length).filter(i -> !membership[i]).toArray();
        if (heldOutConcept.length == 0 || heldOutOther.length == 0) {
            throw new UnlearnException("the held-out view has " + heldOutConcept.length + " samples of concept '"
                    + b.concept.name() + "' and " + heldOutOther.length + " others; pass a view with both (e.g. the"
                    + " test split)");
        }
        return b.model.representations(b.heldOutView);
    }

    private double conceptAccuracy(int[] predicted) {
        return ConceptDraws.conceptAccuracy(IntStream.of(heldOutConcept).map(i -> predicted[i]).toArray(),
                b.conceptClasses);
    }

    private double otherAccuracy(int[] predicted) {
        long hit = IntStream.of(heldOutOther).filter(i -> predicted[i] == b.heldOutView.label(i)).count();
        return 100.0 * hit / heldOutOther.length;
    }

    /** Builder: {@code set*} required, {@code opt*} optional; checked in {@link #build()}. */
    public static final class Builder {
        private InferenceModel model;
        private Concept concept;
        private Set<Integer> conceptClasses;
        private DataView attackerView;
        private DataView heldOutView;
        private int steps = DEFAULT_STEPS;
        private double stepSize = DEFAULT_STEP_SIZE;
        private long seed = 7;

        /** @param v the model after removal (its head and representation are attacked) @return this */
        public Builder setModel(InferenceModel v) { model = v; return this; }
        /** @param v the removed concept @return this */
        public Builder setConcept(Concept v) { concept = v; return this; }
        /** @param v labelled samples the attacker may draw from (e.g. the training split) @return this */
        public Builder setAttackerView(DataView v) { attackerView = v; return this; }
        /** @param v samples the attacker never sees, concept and others, all scored (the test split) @return this */
        public Builder setHeldOutView(DataView v) { heldOutView = v; return this; }
        /** @param v classes that count as the concept (default: {@code concept.classes(attackerView)}) @return this */
        public Builder optConceptClasses(Set<Integer> v) { conceptClasses = v; return this; }
        /** @param v full-batch gradient steps, at least 1 (default {@link #DEFAULT_STEPS}) @return this */
        public Builder optSteps(int v) { steps = v; return this; }
        /** @param v step size in (0, 4) (default {@link #DEFAULT_STEP_SIZE}) @return this */
        public Builder optStepSize(double v) { stepSize = v; return this; }
        /** @param v seed of the samples drawn (default 7) @return this */
        public Builder optSeed(long v) { seed = v; return this; }

        /** @return the checked attack */
        public RelearningAttack build() {
            List<String> p = new ArrayList<>();
            if (model == null) { p.add("setModel(the model after removal)"); }
            if (concept == null) { p.add("setConcept(the removed concept)"); }
            if (attackerView == null || attackerView.isEmpty()) { p.add("setAttackerView(non-empty view)"); }
            if (heldOutView == null || heldOutView.isEmpty()) { p.add("setHeldOutView(non-empty view)"); }
            if (steps < 1) { p.add("optSteps(>= 1), was " + steps); }
            if (!(stepSize > 0 && stepSize < 4)) { p.add("optStepSize(in (0, 4)), was " + stepSize); }
            if (!p.isEmpty()) {
                throw new UnlearnException("RelearningAttack needs " + String.join(", ", p));
            }
            if (conceptClasses == null || conceptClasses.isEmpty()) {
                conceptClasses = concept.classes(attackerView);
            }
            conceptClasses = Set.copyOf(conceptClasses);
            return new RelearningAttack(this);
        }
    }
}
