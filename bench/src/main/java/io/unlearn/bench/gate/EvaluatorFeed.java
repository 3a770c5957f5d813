package io.unlearn.bench.gate;

import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.evaluator.ForgettingGate;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.MiaEfficacy;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Classifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The forgetting gate's inputs built as the evaluator builds them (its {@code Scoring} and {@code VersionEvaluator},
 * with the evaluator's default seed, retain sample and shadow cap): the SVM attack is fitted on a retain sample (the
 * first training samples outside the forget set; members) against the first half of the test slice (non-members, the
 * shadow set); the gate's non-member reference is {@link ForgettingGate#nonMemberReference} (training-split samples beyond
 * the slice, else the whole dataset's test samples after that half); the class
 * counts are those of the training slice the base trained on.
 */
final class EvaluatorFeed {
    private final DataView forget;
    private final DataView retainSample;
    private final DataView shadow;
    private final DataView nonMembers;
    private final int[] trainCountsByClass;
    private final long seed;
    private final int maxShadow;

    private EvaluatorFeed(DataView forget, DataView retainSample, DataView shadow, DataView nonMembers,
            int[] trainCountsByClass, long seed, int maxShadow) {
        this.forget = forget;
        this.retainSample = retainSample;
        this.shadow = shadow;
        this.nonMembers = nonMembers;
        this.trainCountsByClass = trainCountsByClass;
        this.seed = seed;
        this.maxShadow = maxShadow;
    }

    /**
     * @param whole the whole dataset (the non-member reference comes from it, as in the evaluator)
     * @param data the slice the base trained on
     * @param forgetIds the forget set
     * @return the feed
     */
    static EvaluatorFeed of(UnlearnDataset whole, UnlearnDataset data, Collection<String> forgetIds) {
        Map<String, Object> defaults = EvaluatorConfig.CONFIG_DEF.defaultValues();
        int retainSize = ((Number) defaults.get(EvaluatorConfig.RETAIN_SAMPLE)).intValue();
        Set<String> excluded = Set.copyOf(forgetIds);
        List<String> retain = data.train().ids().stream().filter(id -> !excluded.contains(id)).limit(retainSize).toList();
        ForgetSplit split = data.split(forgetIds, retain);
        int half = data.test().size() / 2;
        return new EvaluatorFeed(split.forget(), split.retain(), data.test().slice(0, half),
                ForgettingGate.nonMemberReference(whole, data), data.trainCountsByClass(),
                ((Number) defaults.get(EvaluatorConfig.SEED)).longValue(),
                ((Number) defaults.get(EvaluatorConfig.MIA_MAX_SHADOW)).intValue());
    }

    /**
     * @param model a version or its parent
     * @return its outputs for {@link ForgettingGate#judge}
     */
    ForgettingGate.ModelOutputs outputs(Classifier model) {
        return outputs(model, Predictor.predict(model, forget), Predictor.predict(model, retainSample));
    }

    /**
     * The outputs from predictions the caller already made on the same samples (the metrics' forget and retain sets).
     *
     * @param model a version or its parent
     * @param forgetPredictions its predictions on the forget set, in training order
     * @param retainPredictions its predictions on the whole retain set in training order, or on the retain sample
     * @return its outputs for {@link ForgettingGate#judge}
     */
    ForgettingGate.ModelOutputs outputs(Classifier model, Predictions forgetPredictions, Predictions retainPredictions) {
        if (forgetPredictions.size() != forget.size() || retainPredictions.size() < retainSample.size()) {
            throw new IllegalArgumentException("predictions do not cover the gate's forget set and retain sample");
        }
        Predictions retain = retainPredictions.select(IntStream.range(0, retainSample.size()).toArray());
        MiaEfficacy.Attack attack = MiaEfficacy.attack(retain, Predictor.predict(model, shadow), seed, maxShadow);
        return new ForgettingGate.ModelOutputs(forgetPredictions, Predictor.predict(model, nonMembers), attack);
    }

    /**
     * @param retainView a retain view whose predictions are to be passed to {@link #outputs(Classifier, Predictions, Predictions)}
     * @param forgetView the forget view likewise
     * @return whether they start with the gate's retain sample and equal its forget set, id for id
     */
    boolean sharesSamplesWith(DataView forgetView, DataView retainView) {
        return forgetView.ids().equals(forget.ids()) && retainView.size() >= retainSample.size()
                && retainView.slice(0, retainSample.size()).ids().equals(retainSample.ids());
    }

    /** @return training samples per class of the base's training slice */
    int[] trainCountsByClass() {
        return trainCountsByClass.clone();
    }

    /** @return non-member reference size */
    int nonMemberCount() {
        return nonMembers.size();
    }
}
