package io.unlearn.ml.suppression;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.ModelLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Measures whether a removed concept is gone from a model's representation or only hidden at its output
 * ({@link ConceptAttackReport}): a {@link ConceptProbe} on the representation that feeds the head (and, for a
 * {@link SuppressedModel} editing a lower layer, on that layer as edited), and a {@link RelearningAttack} with
 * {@link #SMALL_K} and {@link #LARGE_K} concept samples. Works on any {@link InferenceModel}: the original model, a
 * suppressed one, a weight-edited or retrained classifier ({@link InferenceModel#of}), an output mask. Build with
 * {@link #builder()}; {@code set*} required. Nothing here records gradients (the head is fine-tuned on the heap), so
 * it needs no {@code TrainingLock}; a few seconds per model on Fashion-MNIST's test split.
 *
 * <pre>{@code
 * ConceptAttackReport r = ConceptAttackEvaluation.builder().setModel(suppressed).setConcept(footwear)
 *         .setAttackerView(data.train()).setHeldOutView(data.test()).optSeed(7).build().run();
 * }</pre>
 */
public final class ConceptAttackEvaluation {

    /** The smaller relearning budget: concept samples an attacker can label by hand. */
    public static final int SMALL_K = 10;
    /** The larger relearning budget. */
    public static final int LARGE_K = 100;

    private final Builder b;

    private ConceptAttackEvaluation(Builder b) {
        this.b = b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the probe and relearning measurements */
    public ConceptAttackReport run() {
        ConceptProbe probe = ConceptProbe.builder().setConcept(b.concept).optMaxPerSide(b.probeMaxPerSide)
                .optLambda(b.probeLambda).optSeed(b.seed).build();
        ProbeResult after = probe.measure(b.model, b.heldOutView);
        ProbeResult edited = b.model instanceof SuppressedModel s && !s.layer().name().equals(ModelLayer.PENULTIMATE)
                ? probe.measureEditedLayer(s, b.heldOutView) : null;
        RelearningAttack attack = RelearningAttack.builder().setModel(b.model).setConcept(b.concept)
                .setAttackerView(b.attackerView).setHeldOutView(b.heldOutView).optConceptClasses(b.conceptClasses)
                .optSteps(b.relearnSteps).optSeed(b.seed).build();
        return new ConceptAttackReport(after, edited, attack.run(SMALL_K), attack.run(LARGE_K));
    }

    /** Builder: {@code set*} required, {@code opt*} optional; checked in {@link #build()}. */
    public static final class Builder {
        private InferenceModel model;
        private Concept concept;
        private DataView attackerView;
        private DataView heldOutView;
        private Set<Integer> conceptClasses;
        private int probeMaxPerSide = ConceptProbe.DEFAULT_MAX_PER_SIDE;
        private double probeLambda = ConceptProbe.DEFAULT_LAMBDA;
        private int relearnSteps = RelearningAttack.DEFAULT_STEPS;
        private long seed = 7;

        /** @param v the model after removal, any kind @return this */
        public Builder setModel(InferenceModel v) { model = v; return this; }
        /** @param v the removed concept @return this */
        public Builder setConcept(Concept v) { concept = v; return this; }
        /** @param v labelled samples the relearning attacker draws from (e.g. the training split) @return this */
        public Builder setAttackerView(DataView v) { attackerView = v; return this; }
        /**
         * @param v samples never fitted on by the attacker: the probe splits a balanced draw of them, relearning
         *     scores their concept samples (e.g. the test split)
         * @return this
         */
        public Builder setHeldOutView(DataView v) { heldOutView = v; return this; }
        /** @param v classes that count as the concept (default: {@code concept.classes(attackerView)}) @return this */
        public Builder optConceptClasses(Set<Integer> v) { conceptClasses = v; return this; }
        /** @param v probe samples per side (default {@link ConceptProbe#DEFAULT_MAX_PER_SIDE}) @return this */
        public Builder optProbeMaxPerSide(int v) { probeMaxPerSide = v; return this; }
        /** @param v the probe's L2 penalty (default {@link ConceptProbe#DEFAULT_LAMBDA}) @return this */
        public Builder optProbeLambda(double v) { probeLambda = v; return this; }
        /** @param v relearning gradient steps (default {@link RelearningAttack#DEFAULT_STEPS}) @return this */
        public Builder optRelearnSteps(int v) { relearnSteps = v; return this; }
        /** @param v seed of every draw: the probe's samples and split, the attacker's (default 7) @return this */
        public Builder optSeed(long v) { seed = v; return this; }

        /** @return the checked evaluation */
        public ConceptAttackEvaluation build() {
            List<String> p = new ArrayList<>();
            if (model == null) { p.add("setModel(the model after removal)"); }
            if (concept == null) { p.add("setConcept(the removed concept)"); }
            if (attackerView == null || attackerView.isEmpty()) { p.add("setAttackerView(non-empty view)"); }
            if (heldOutView == null || heldOutView.isEmpty()) { p.add("setHeldOutView(non-empty view)"); }
            if (probeMaxPerSide < 2) { p.add("optProbeMaxPerSide(>= 2), was " + probeMaxPerSide); }
            if (!(probeLambda >= 0)) { p.add("optProbeLambda(>= 0), was " + probeLambda); }
            if (relearnSteps < 1) { p.add("optRelearnSteps(>= 1), was " + relearnSteps); }
            if (!p.isEmpty()) {
                throw new UnlearnException("ConceptAttackEvaluation needs " + String.join(", ", p));
            }
            return new ConceptAttackEvaluation(this);
        }
    }
}
