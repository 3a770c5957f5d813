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
 * so the calibration accuracies are those of the whole composition.
 */
final class SaeMethod {

    private SaeMethod() {
    }

    static Removal build(Classifier model, SparseAutoencoder sae, String saeUri, Activations trainActs,
            DataView calibration, List<String> classNames, ConceptCase c, List<SuppressionChoice> grid,
            double maxOtherDrop, Map<String, List<SuppressionChoice>> sweep) {
        long t0 = System.nanoTime();
        List<SuppressionConfig> configs = new ArrayList<>();
        List<String> choices = new ArrayList<>();
        double conceptAcc = 0;
        double otherAcc = 0;
        Set<Integer> classes = new TreeSet<>();
        for (Concept part : c.parts()) {
            FeatureScores scores = FeatureScoring.score(sae, trainActs, part.membership(trainActs.view()),
                    FeatureScoring.DEFAULT_DELTA);
            classes.addAll(part.labels());
            SuppressionCalibration.Result r = SuppressionCalibration.calibrate(model, sae, scores, calibration,
                    Set.copyOf(classes), grid, maxOtherDrop, List.copyOf(configs));
            SuppressionChoice best = r.best();
            if (c.parts().size() == 1) {
                sweep.putIfAbsent(part.name(), r.tried());
            }
            configs.add(SuppressionConfig.of(part.name(), part.labelNames(classNames), sae, saeUri, scores,
                    best.features(), best.scale(), best.clamp(), best.keepErrorTerm()));
            choices.add((c.parts().size() > 1 ? part.name() + ": " : "") + best.label());
            conceptAcc = best.conceptAcc();
            otherAcc = best.otherAcc();
        }
        SuppressedModel suppressed = SuppressedModel.of(model, configs, List.of(sae));
        return new Removal(suppressed, String.join("; ", choices), conceptAcc, otherAcc,
                (System.nanoTime() - t0) / 1e9, false, suppressed);
    }
}
