package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.Concept;
import io.unlearn.ml.suppression.FeatureScores;
import io.unlearn.ml.suppression.FeatureScoring;
import io.unlearn.ml.suppression.SuppressedModel;
import io.unlearn.ml.suppression.SuppressionCalibration;
import io.unlearn.ml.suppression.SuppressionChoice;
import io.unlearn.ml.suppression.SuppressionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SAE method of the benchmark, per concept: SAUCE scores on the training activations, the strength calibrated
 * on the calibration half of the test set, one config per part; parts removed together share one suppressed model
 * (closed with the {@link Removal}; the model and the SAE stay open). Parts after the first are calibrated with the
 * earlier ones in force, on the union of their classes ({@link SuppressionCalibration#calibrate} with configs in force),
 * then every part once more with all the others in force, so the calibration accuracies are those of the whole
 * composition.
 */
final class SaeMethod {

    private SaeMethod() {
    }

    static Removal build(Classifier model, SparseAutoencoder sae, String saeUri, Activations trainActs,
            DataView calibration, List<String> classNames, ConceptCase c, List<SuppressionChoice> grid,
            double maxOtherDrop, Map<String, List<SuppressionChoice>> sweep) {
        long t0 = System.nanoTime();
        int n = c.parts().size();
        List<SuppressionConfig> configs = new ArrayList<>();
        List<FeatureScores> scores = new ArrayList<>();
        String[] choices = new String[n];
        SuppressionChoice last = null;
        Set<Integer> classes = new TreeSet<>();
        // first pass: each part with the earlier ones in force; then, for a composition, each part once more with all
        // the others in force (a part calibrated before the others were there may send its samples onto their classes)
        for (int pass = 0; pass < (n > 1 ? 2 : 1); pass++) {
            for (int i = 0; i < n; i++) {
                Concept part = c.parts().get(i);
                if (pass == 0) {
                    scores.add(FeatureScoring.score(sae, trainActs, part.membership(trainActs.view()),
                            FeatureScoring.DEFAULT_DELTA));
                    classes.addAll(part.labels());
                }
                List<SuppressionConfig> inForce = new ArrayList<>(configs);
                if (pass > 0) {
                    inForce.remove(i);
                }
                SuppressionCalibration.Result r = SuppressionCalibration.calibrate(model, sae, scores.get(i),
                        calibration, Set.copyOf(classes), grid, maxOtherDrop, inForce);
                last = r.best();
                if (n == 1) {
                    sweep.putIfAbsent(part.name(), r.tried());
                }
                SuppressionConfig config = SuppressionConfig.of(part.name(), part.labelNames(classNames), sae, saeUri,
                        scores.get(i), last.features(), last.scale(), last.clamp(), last.keepErrorTerm());
                if (pass == 0) {
                    configs.add(config);
                } else {
                    configs.set(i, config);
                }
                choices[i] = (n > 1 ? part.name() + ": " : "") + last.label();
            }
        }
        double conceptAcc = last.conceptAcc();
        double otherAcc = last.otherAcc();
        SuppressedModel suppressed = SuppressedModel.of(model, configs, List.of(sae));
        return new Removal(suppressed, String.join("; ", choices), conceptAcc, otherAcc,
                (System.nanoTime() - t0) / 1e9, false, suppressed);
    }
}
