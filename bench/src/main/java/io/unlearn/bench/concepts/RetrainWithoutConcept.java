package io.unlearn.bench.concepts;

import ai.djl.Device;
import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.suppression.InferenceModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gold standard: the CNN trained from scratch with the base model's recipe (spec, epochs, seed) on the training
 * set minus every sample of the concept's classes, kept in the base-model cache per (excluded samples, epochs, seed)
 * by {@link BaseModelCache#obtainWithout}. Nothing to tune; its calibration-half accuracies are measured for the
 * details.
 */
final class RetrainWithoutConcept {

    private RetrainWithoutConcept() {
    }

    /**
     * @param data the dataset
     * @param c the concept
     * @return the ids of every training sample of the concept's classes, in training order
     */
    static List<String> excludedIds(UnlearnDataset data, ConceptCase c) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < data.train().size(); i++) {
            if (c.classes().contains(data.train().label(i))) {
                ids.add(data.train().id(i));
            }
        }
        return ids;
    }

    static Removal build(EngineOptions.Setup setup, ModelSpec baseSpec, ConceptCase c, DataView calibration,
            ProgressListener listener) {
        return build(setup.cache(), setup.device(), baseSpec, setup.data(), excludedIds(setup.data(), c),
                CalibrationScorer.labels(calibration, c.classes()), listener);
    }

    /**
     * @param cache the base-model cache, or null
     * @param device where to train
     * @param baseSpec the base model's recipe
     * @param data its dataset
     * @param excluded the training samples left out (a concept's classes, or a pattern's stamped samples)
     * @param scorer scores the retrain on the calibration half (for the details)
     * @param listener training epochs
     * @return the retrained model
     */
    static Removal build(Path cache, Device device, ModelSpec baseSpec, UnlearnDataset data, List<String> excluded,
            CalibrationScorer scorer, ProgressListener listener) {
        long t0 = System.nanoTime();
        BaseModelCache.Base retrained = BaseModelCache.obtainWithout(cache, baseSpec, data, excluded, device, listener);
        InferenceModel model = InferenceModel.of(retrained.model());
        CalibrationRule.Score s = scorer.score(model);
        String choice = baseSpec.training().epochs() + " epochs on " + (data.train().size() - excluded.size())
                + " samples" + (retrained.reused() ? " (cached)" : "");
        return new Removal(model, choice, s.conceptAcc(), s.otherAcc(), (System.nanoTime() - t0) / 1e9, true,
                retrained.model());
    }
}
