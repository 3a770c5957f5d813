package io.unlearn.ml.suppression;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Activations;
import java.util.Random;
import java.util.stream.IntStream;
import smile.classification.LogisticRegression;

/**
 * A linear probe for a concept: is it still linearly readable from a layer? Draws a balanced set from a view (up
 * to {@code maxPerSide} concept and as many non-concept samples, seeded), fits on {@code trainShare} of each side
 * and reports accuracy on the rest ({@link ProbeResult}).
 *
 * <p>The fit: each feature is standardised with the training part's mean and standard deviation (features constant
 * on the training part, such as dead ReLU units, are only centred), then Smile's binomial logistic regression
 * (L-BFGS, deterministic) minimises the summed negative log-likelihood plus its L2 penalty {@code λ} on the weights,
 * to tolerance {@link #TOLERANCE} or {@link #MAX_ITERATIONS} iterations. Standardising makes one λ mean the same on
 * layers of any scale; λ keeps the fit finite when the two sides are separable. Build with {@link #builder()}.
 */
public final class ConceptProbe {

    /** Default L2 penalty λ: mild next to the summed log-likelihood of hundreds of samples. */
    public static final double DEFAULT_LAMBDA = 1.0;
    /** Default cap on the samples drawn per side (concept, non-concept). */
    public static final int DEFAULT_MAX_PER_SIDE = 1000;
    /** Default share of each side the probe is fitted on; the rest scores it. */
    public static final double DEFAULT_TRAIN_SHARE = 0.5;
    /** L-BFGS convergence tolerance. */
    public static final double TOLERANCE = 1e-5;
    /** L-BFGS iteration cap. */
    public static final int MAX_ITERATIONS = 500;

    private final Builder spec;

    private ConceptProbe(Builder spec) {
        this.spec = spec;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Probes the representation that feeds the model's head ({@link InferenceModel#representation}).
     *
     * @param model any model: the original, a suppressed one, a weight-edited one, an output mask
     * @param view samples with and without the concept
     * @return the probe's accuracy
     */
    public ProbeResult measure(InferenceModel model, DataView view) {
        return measure(model.representations(balanced(view)));
    }

    /**
     * Probes the layer a suppressed model edits, as edited ({@link SuppressedModel#editedActivations}).
     *
     * @param model a suppressed model
     * @param view samples with and without the concept
     * @return the probe's accuracy at {@code model.layer()}
     */
    public ProbeResult measureEditedLayer(SuppressedModel model, DataView view) {
        return measure(ActivationCapture.capture(model.base(), model.layer().name(), model.layer().width(),
                balanced(view), ActivationCapture.DEFAULT_CHUNK, model::editedActivations));
    }

    /**
     * @param activations any layer's activations over a view (membership is read from the view's samples)
     * @return the probe's accuracy on that layer
     * @throws UnlearnException when either side has fewer than 2 samples
     */
    public ProbeResult measure(Activations activations) {
        boolean[] membership = spec.concept.membership(activations.view());
        int[][] sides = sides(membership);
        int[] in = sides[0];
        int[] out = sides[1];
        int n = in.length;
        int fit = Math.max(1, Math.min(n - 1, (int) Math.round(n * spec.trainShare)));
        int[] trainRows = IntStream.concat(IntStream.of(in).limit(fit), IntStream.of(out).limit(fit)).toArray();
        int[] testRows = IntStream.concat(IntStream.of(in).skip(fit).limit(n - fit),
                IntStream.of(out).skip(fit).limit(n - fit)).toArray();
        Standardisation scale = Standardisation.fit(activations, trainRows);
        LogisticRegression probe = LogisticRegression.binomial(scale.apply(activations, trainRows),
                labels(membership, trainRows), spec.lambda, TOLERANCE, MAX_ITERATIONS);
        double[][] test = scale.apply(activations, testRows);
        int hit = 0;
        int concept = 0;
        for (int i = 0; i < testRows.length; i++) {
            boolean truth = membership[testRows[i]];
            concept += truth ? 1 : 0;
            hit += (probe.predict(test[i]) == 1) == truth ? 1 : 0;
        }
        double chance = 100.0 * Math.max(concept, testRows.length - concept) / testRows.length;
        return new ProbeResult(activations.layer(), 100.0 * hit / testRows.length, chance, trainRows.length,
                testRows.length);
    }

    /** Positions of a balanced draw, so that only those samples run through the model. */
    private DataView balanced(DataView view) {
        int[][] sides = sides(spec.concept.membership(view));
        return ConceptDraws.subview(view, IntStream.concat(IntStream.of(sides[0]), IntStream.of(sides[1])).toArray());
    }

    /** The seeded draw: {concept positions, other positions}, both of the smaller side's size (at most the cap). */
    private int[][] sides(boolean[] membership) {
        Random random = new Random(spec.seed);
        int[] in = ConceptDraws.draw(membership, true, spec.maxPerSide, random);
        int[] out = ConceptDraws.draw(membership, false, spec.maxPerSide, random);
        int n = Math.min(in.length, out.length);
        if (n < 2) {
            throw new UnlearnException("a probe of concept '" + spec.concept.name() + "' needs at least 2 concept and"
                    + " 2 other samples, the view has " + in.length + " and " + out.length + "; pass a view with both");
        }
        return new int[][] {java.util.Arrays.copyOf(in, n), java.util.Arrays.copyOf(out, n)};
    }

    private static int[] labels(boolean[] membership, int[] rows) {
        return IntStream.of(rows).map(r -> membership[r] ? 1 : 0).toArray();
    }

    /** Builder: {@code set*} required, {@code opt*} optional; checked in {@link #build()}. */
    public static final class Builder {
        private Concept concept;
        private double lambda = DEFAULT_LAMBDA;
        private int maxPerSide = DEFAULT_MAX_PER_SIDE;
        private double trainShare = DEFAULT_TRAIN_SHARE;
        private long seed = 7;

        /** @param v the concept whose membership is probed @return this */
        public Builder setConcept(Concept v) { concept = v; return this; }
        /** @param v L2 penalty λ ≥ 0 (default {@link #DEFAULT_LAMBDA}) @return this */
        public Builder optLambda(double v) { lambda = v; return this; }
        /** @param v samples drawn per side, at least 2 (default {@link #DEFAULT_MAX_PER_SIDE}) @return this */
        public Builder optMaxPerSide(int v) { maxPerSide = v; return this; }
        /** @param v share of each side fitted on, in (0, 1) (default {@link #DEFAULT_TRAIN_SHARE}) @return this */
        public Builder optTrainShare(double v) { trainShare = v; return this; }
        /** @param v seed of the draw and the split (default 7) @return this */
        public Builder optSeed(long v) { seed = v; return this; }

        /** @return the checked probe */
        public ConceptProbe build() {
            java.util.List<String> p = new java.util.ArrayList<>();
            if (concept == null) { p.add("setConcept(the concept to detect)"); }
            if (!(lambda >= 0)) { p.add("optLambda(>= 0), was " + lambda); }
            if (maxPerSide < 2) { p.add("optMaxPerSide(>= 2), was " + maxPerSide); }
            if (!(trainShare > 0 && trainShare < 1)) { p.add("optTrainShare(in (0, 1)), was " + trainShare); }
            if (!p.isEmpty()) {
                throw new UnlearnException("ConceptProbe needs " + String.join(", ", p));
            }
            return new ConceptProbe(this);
        }
    }
}
