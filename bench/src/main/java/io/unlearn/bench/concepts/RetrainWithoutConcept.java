package io.unlearn.bench.concepts;

import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.suppression.InferenceModel;
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
        long t0 = System.nanoTime();
        UnlearnDataset data = setup.data();
        List<String> excluded = excludedIds(data, c);
        BaseModelCache.Base retrained = BaseModelCache.obtainWithout(setup.cache(), baseSpec, data, excluded,
                setup.device(), listener);
        InferenceModel model = InferenceModel.of(retrained.model());
        CalibrationRule.Score s = CalibrationRule.score(model, calibration, c.classes());
        String choice = baseSpec.training().epochs() + " epochs on " + (data.train().size() - excluded.size())
                + " samples" + (retrained.reused() ? " (cached)" : "");
        return new Removal(model, choice, s.conceptAcc(), s.otherAcc(), (System.nanoTime() - t0) / 1e9, true,
                retrained.model());
    }
}
