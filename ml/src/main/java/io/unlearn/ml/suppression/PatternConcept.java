package io.unlearn.ml.suppression;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.PatternViews;
import io.unlearn.ml.data.StampedDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A concept carried by the input rather than by an output label: the corner stamp of a {@link StampedDataset}, which
 * a model trained on it reads as "predict the target class". As a {@link Concept} it is given by example ids (the
 * stamped training samples, all labelled with the target), so SAUCE scores the latents that tell stamped images from
 * every other image, clean target images included. Its evaluation views are the stamped non-target test images:
 * concept accuracy there is the backdoor's success rate, to be compared with the same images without the stamp
 * ({@link PatternEffect}); collateral is accuracy on the clean test images.
 *
 * <pre>{@code
 * PatternConcept stamp = PatternConcept.of(StampedFashionMnist.load().head(5000, 2000));
 * FeatureScores scores = stamp.scores(model, sae);
 * SuppressionChoice c = stamp.calibrate(model, sae, scores, calibrationHalf, grid, 2.0).best();
 * try (SuppressedModel after = SuppressedModel.of(model, List.of(SuppressionConfig.of(stamp.concept().name(),
 *         List.of(), sae, uri, scores, c.features(), c.scale(), c.clamp(), c.keepErrorTerm())), List.of(sae))) {
 *     PatternEffect effect = stamp.measure(after, reportHalf);
 * }
 * }</pre>
 */
public final class PatternConcept {

    /** The concept's default name. */
    public static final String DEFAULT_NAME = "corner-stamp";

    private final StampedDataset data;
    private final Concept concept;

    private PatternConcept(StampedDataset data, Concept concept) {
        this.data = data;
        this.concept = concept;
    }

    /**
     * @param data the stamped dataset the model was trained on
     * @return the pattern concept named {@value #DEFAULT_NAME}, its examples every stamped training sample
     */
    public static PatternConcept of(StampedDataset data) {
        return new PatternConcept(data, Concept.ofSamples(DEFAULT_NAME, data.stampedTrainIds()));
    }

    /**
     * @param data the stamped dataset the model was trained on
     * @param name the concept's name, e.g. the one a removal request gives
     * @param exampleIds some or all of its stamped training samples (what a removal request names)
     * @return the pattern concept by those examples
     * @throws io.unlearn.ml.UnlearnException when an example is not a stamped sample
     */
    public static PatternConcept of(StampedDataset data, String name, Collection<String> exampleIds) {
        List<String> clean = exampleIds.stream().filter(id -> !StampedDataset.isStamped(id)).limit(3).toList();
        if (!clean.isEmpty()) {
            throw new io.unlearn.ml.UnlearnException("a pattern concept's examples must all be stamped samples, got " + clean
                    + "; see ExampleConcepts");
        }
        return new PatternConcept(data, Concept.ofSamples(name, new java.util.TreeSet<>(exampleIds)));
    }

    /** @return the concept by example ids: the stamped training samples (what a removal request names) */
    public Concept concept() { return concept; }

    /** @return the stamped dataset */
    public StampedDataset data() { return data; }

    /** @return the one class the stamp makes a model predict */
    public Set<Integer> conceptClasses() { return Set.of(data.targetClass()); }

    /**
     * @param model the SAE's parent model version
     * @param sae an SAE on one of its layers
     * @return SAUCE scores of stamped training samples against every other training sample
     */
    public FeatureScores scores(Classifier model, SparseAutoencoder sae) {
        return scores(model, sae, data.dataset().train());
    }

    /**
     * @param model the SAE's parent model version
     * @param sae an SAE on one of its layers
     * @param trainView the training samples the model may still use (a worker leaves forgotten ones out)
     * @return SAUCE scores of the examples against the view's other samples; stamped samples the concept does not name
     *     are left out, since they carry the same pattern and would score against it
     */
    public FeatureScores scores(Classifier model, SparseAutoencoder sae, DataView trainView) {
        return FeatureScoring.score(model, sae, concept, scoringView(trainView));
    }

    /**
     * @param trainView training samples
     * @return those that are examples of the concept or carry no stamp
     */
    public DataView scoringView(DataView trainView) {
        int[] rows = java.util.stream.IntStream.range(0, trainView.size())
                .filter(p -> !StampedDataset.isStamped(trainView.id(p)) || concept.sampleIds().contains(trainView.id(p)))
                .map(trainView::row).toArray();
        return rows.length == trainView.size() ? trainView : DataView.of(trainView.source(), rows);
    }

    /**
     * @param model any model, before or after a removal
     * @param testView a view of the dataset's clean test split
     * @return the stamp's effect on the view's non-target images, their clean false-target rate, clean accuracy (all
     *     classes and the target class)
     */
    public PatternEffect measure(InferenceModel model, DataView testView) {
        PatternViews pairs = data.patternViews(testView);
        int[] clean = model.predict(testView);
        int hit = 0;
        int targets = 0;
        int targetHit = 0;
        for (int i = 0; i < clean.length; i++) {
            boolean right = clean[i] == testView.label(i);
            hit += right ? 1 : 0;
            targets += testView.label(i) == data.targetClass() ? 1 : 0;
            targetHit += right && clean[i] == data.targetClass() ? 1 : 0;
        }
        return new PatternEffect(targetShare(model.predict(pairs.stamped())), targetShare(model.predict(pairs.clean())),
                percent(hit, clean.length), percent(targetHit, targets), pairs.size(), clean.length);
    }

    private static double percent(long part, int whole) {
        return 100.0 * part / Math.max(1, whole);
    }

    private double targetShare(int[] predicted) {
        return percent(java.util.Arrays.stream(predicted).filter(p -> p == data.targetClass()).count(), predicted.length);
    }

    /**
     * Picks the suppression strength: the lowest stamp effect on the view's stamped non-target images among the
     * settings that cost at most {@code maxOtherDrop} points of accuracy on its clean images and at most as many on
     * its clean images of the target class (the stamp's latents can overlap the target's own; when no setting
     * spares the target class, the one that costs it the least).
     *
     * @param model the SAE's parent model version
     * @param sae the SAE
     * @param scores this concept's scores ({@link #scores})
     * @param calibrationView a view of the clean test split, disjoint from the one reported on
     * @param grid the settings ({@link SuppressionCalibration#grid})
     * @param maxOtherDrop the allowed loss of clean accuracy, overall and on the target class, in points
     * @return the chosen setting and the whole grid (concept accuracy = stamp effect)
     */
    public SuppressionCalibration.Result calibrate(Classifier model, SparseAutoencoder sae, FeatureScores scores,
            DataView calibrationView, List<SuppressionChoice> grid, double maxOtherDrop) {
        SuppressionCalibration.Result calibrated = SuppressionCalibration.calibrate(model, sae, scores,
                data.patternViews(calibrationView).stamped(), calibrationView, conceptClasses(), grid, maxOtherDrop);
        return TargetClassGuard.apply(calibrated, model, sae, scores, calibrationView, data.targetClass(), maxOtherDrop);
    }

    /**
     * The standard evaluation, set up for the pattern: concept view = the stamped non-target images of
     * {@code reportView}, other view = all of {@code reportView} (clean), concept class = the target, and the attack
     * on stamped images elicits the target (an attacker bringing the backdoor back). Add {@code opt*} settings, then
     * {@code build().run()}.
     *
     * @param before the original model
     * @param after the model with the pattern removed
     * @param reportView a view of the clean test split, disjoint from the calibration view
     * @return the builder, every required value set
     */
    public SuppressionEvaluation.Builder evaluation(InferenceModel before, InferenceModel after, DataView reportView) {
        return SuppressionEvaluation.builder().setBefore(before).setAfter(after)
                .setConceptView(data.patternViews(reportView).stamped()).setOtherView(reportView)
                .setConceptClasses(conceptClasses()).optElicitedClass(data.targetClass());
    }
}
