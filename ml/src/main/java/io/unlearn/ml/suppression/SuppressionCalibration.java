package io.unlearn.ml.suppression;

import ai.djl.ndarray.NDManager;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Picks the suppression strength for a concept on calibration samples (held out from the evaluation): tries each
 * (top-k, γ or clamp, error term) setting and keeps the one with the lowest concept accuracy among those that cost
 * at most {@code maxOtherDrop} points of non-concept accuracy; when none qualifies, the one that costs the least.
 * Activations are captured once; each setting re-runs only the SAE and the layers above it.
 */
public final class SuppressionCalibration {

    private SuppressionCalibration() {
    }

    /**
     * The grid's result.
     *
     * @param best the chosen setting, with its calibration accuracies
     * @param tried every setting with its calibration accuracies
     * @param baseConceptAcc the unsuppressed model's concept accuracy on the calibration samples
     * @param baseOtherAcc the unsuppressed model's non-concept accuracy on the calibration samples
     */
    public record Result(SuppressionChoice best, List<SuppressionChoice> tried, double baseConceptAcc,
            double baseOtherAcc) {
    }

    /**
     * @param model the SAE's parent model version
     * @param sae the SAE
     * @param scores the concept's feature scores under this SAE
     * @param calibration calibration samples of all classes (not the ones reported on)
     * @param conceptClasses the concept's classes
     * @param grid the settings to try (their accuracy fields are ignored)
     * @param maxOtherDrop the allowed loss of non-concept accuracy, in points
     * @return the chosen setting and the whole grid
     */
    public static Result calibrate(Classifier model, SparseAutoencoder sae, FeatureScores scores, DataView calibration,
            Set<Integer> conceptClasses, List<SuppressionChoice> grid, double maxOtherDrop) {
        return calibrate(model, sae, scores, calibration, conceptClasses, grid, maxOtherDrop, List.of());
    }

    /**
     * The same choice with other suppressions already in force: each setting is tried together with {@code inForce}
     * (same SAE and layer), accuracies are those of the whole set, and the non-concept loss is counted from the
     * unsuppressed model. Pass the union of every concept's classes as {@code conceptClasses}: concepts calibrated one
     * by one and then combined push one concept's samples onto another's classes, which the union counts.
     *
     * @param model the SAE's parent model version
     * @param sae the SAE
     * @param scores the new concept's feature scores under this SAE
     * @param calibration calibration samples of all classes (not the ones reported on)
     * @param conceptClasses the classes of every concept in force, the new one included
     * @param grid the settings to try (their accuracy fields are ignored)
     * @param maxOtherDrop the allowed loss of non-concept accuracy against the unsuppressed model, in points
     * @param inForce configs already applied (empty: the concept alone)
     * @return the chosen setting and the whole grid, with the accuracies of everything in force
     */
    public static Result calibrate(Classifier model, SparseAutoencoder sae, FeatureScores scores, DataView calibration,
            Set<Integer> conceptClasses, List<SuppressionChoice> grid, double maxOtherDrop,
            List<SuppressionConfig> inForce) {
        ModelLayer layer = ModelLayer.of(model, sae.identity().layer());
        Activations acts = ActivationCapture.capture(layer, calibration);
        return sweep(model, sae, scores, grid, maxOtherDrop, inForce,
                suppressed -> accuracies(predict(layer, suppressed, acts), calibration, conceptClasses));
    }

    /**
     * The same choice for a concept whose samples are not told by their label, e.g. images carrying a stamp
     * ({@code PatternConcept}): concept accuracy is the share of {@code conceptView} predicted as any concept class,
     * non-concept accuracy the ordinary accuracy on {@code otherView}.
     *
     * @param model the SAE's parent model version
     * @param sae the SAE
     * @param scores the concept's feature scores under this SAE
     * @param conceptView calibration samples that carry the concept (not the ones reported on)
     * @param otherView calibration samples that do not (not the ones reported on)
     * @param conceptClasses the classes a model predicts when the concept is at work
     * @param grid the settings to try (their accuracy fields are ignored)
     * @param maxOtherDrop the allowed loss of non-concept accuracy, in points
     * @return the chosen setting and the whole grid
     */
    public static Result calibrate(Classifier model, SparseAutoencoder sae, FeatureScores scores, DataView conceptView,
            DataView otherView, Set<Integer> conceptClasses, List<SuppressionChoice> grid, double maxOtherDrop) {
        ModelLayer layer = ModelLayer.of(model, sae.identity().layer());
        Activations concept = ActivationCapture.capture(layer, conceptView);
        Activations other = ActivationCapture.capture(layer, otherView);
        return sweep(model, sae, scores, grid, maxOtherDrop, List.of(), suppressed -> new double[] {
            shareIn(predict(layer, suppressed, concept), conceptClasses),
            accuracy(predict(layer, suppressed, other), otherView)});
    }

    /** Tries the grid; {@code accuracies} gives {@code [concept, other]} in percent (null model: unsuppressed). */
    private static Result sweep(Classifier model, SparseAutoencoder sae, FeatureScores scores,
            List<SuppressionChoice> grid, double maxOtherDrop, List<SuppressionConfig> inForce,
            Function<SuppressedModel, double[]> accuracies) {
        if (grid.isEmpty()) {
            throw new UnlearnException("calibration grid is empty; give at least one setting");
        }
        double[] base = accuracies.apply(null);
        List<SuppressionChoice> tried = new ArrayList<>();
        for (SuppressionChoice c : grid) {
            SuppressionConfig config = SuppressionConfig.of("calibration", List.of(), sae, "", scores, c.features(),
                    c.scale(), c.clamp(), c.keepErrorTerm());
            List<SuppressionConfig> all = new ArrayList<>(inForce);
            all.add(config);
            try (SuppressedModel suppressed = SuppressedModel.of(model, all, List.of(sae))) {
                double[] acc = accuracies.apply(suppressed);
                tried.add(new SuppressionChoice(c.features(), c.scale(), c.clamp(), c.keepErrorTerm(), acc[0], acc[1]));
            }
        }
        SuppressionChoice best = tried.stream().filter(c -> c.otherAcc() >= base[1] - maxOtherDrop)
                .min(Comparator.comparingDouble(SuppressionChoice::conceptAcc))
                .orElseGet(() -> tried.stream().max(Comparator.comparingDouble(SuppressionChoice::otherAcc)).get());
        return new Result(best, List.copyOf(tried), base[0], base[1]);
    }

    private static int[] predict(ModelLayer layer, SuppressedModel suppressed, Activations acts) {
        int[] out = new int[acts.size()];
        for (int from = 0; from < acts.size(); from += ActivationCapture.DEFAULT_CHUNK) {
            int to = Math.min(acts.size(), from + ActivationCapture.DEFAULT_CHUNK);
            try (NDManager m = layer.model().newManager()) {
                var x = acts.range(m, from, to);
                var logits = suppressed == null ? layer.logitsFrom(m, x) : suppressed.logitsFromActivations(m, x);
                System.arraycopy(Classifier.predictedClasses(logits), 0, out, from, to - from);
            }
        }
        return out;
    }

    /**
     * @param predicted predicted class per view position
     * @param view the samples, with their labels
     * @param conceptClasses the concept's classes
     * @return {@code [concept accuracy, other accuracy]} in percent: concept samples predicted as any concept class, other
     *     samples predicted correctly
     */
    public static double[] accuracies(int[] predicted, DataView view, Set<Integer> conceptClasses) {
        int concept = 0;
        int conceptHit = 0;
        int other = 0;
        int otherHit = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (conceptClasses.contains(view.label(i))) {
                concept++;
                conceptHit += conceptClasses.contains(predicted[i]) ? 1 : 0;
            } else {
                other++;
                otherHit += predicted[i] == view.label(i) ? 1 : 0;
            }
        }
        return new double[] {100.0 * conceptHit / Math.max(1, concept), 100.0 * otherHit / Math.max(1, other)};
    }

    private static double shareIn(int[] predicted, Set<Integer> classes) {
        return 100.0 * java.util.Arrays.stream(predicted).filter(classes::contains).count() / Math.max(1, predicted.length);
    }

    private static double accuracy(int[] predicted, DataView view) {
        int hit = 0;
        for (int i = 0; i < predicted.length; i++) {
            hit += predicted[i] == view.label(i) ? 1 : 0;
        }
        return 100.0 * hit / Math.max(1, predicted.length);
    }

    /**
     * @param features top-k values
     * @param scales γ values (each also tried with the error term dropped when {@code tryWithoutError})
     * @param clamps clamp values
     * @param tryWithoutError also try each setting without the error term
     * @return the grid
     */
    public static List<SuppressionChoice> grid(List<Integer> features, List<Double> scales, List<Double> clamps,
            boolean tryWithoutError) {
        List<SuppressionChoice> out = new ArrayList<>();
        for (boolean keep : tryWithoutError ? List.of(true, false) : List.of(true)) {
            for (int k : features) {
                scales.forEach(s -> out.add(new SuppressionChoice(k, s, null, keep, Double.NaN, Double.NaN)));
                clamps.forEach(c -> out.add(new SuppressionChoice(k, 0, c, keep, Double.NaN, Double.NaN)));
            }
        }
        return out;
    }
}
