package io.unlearn.ml.metrics;

import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.model.Classifier;

/** Computes UA, MIA-Efficacy, RA and TA of a model on a forget split. */
public final class MetricsEvaluator {

    private MetricsEvaluator() {
    }

    /**
     * @param model the model to judge
     * @param split forget, retain and test views
     * @param rteSeconds run time of the unlearning step that produced the model
     * @param seed seed of the MIA solver
     * @return the metrics in percent
     */
    public static UnlearningMetrics evaluate(Classifier model, ForgetSplit split, double rteSeconds, long seed) {
        return evaluate(Predictor.predict(model, split.forget()), Predictor.predict(model, split.retain()),
                Predictor.predict(model, split.test()), rteSeconds, seed);
    }

    /**
     * The same metrics from predictions already made (for a caller that also needs the predictions).
     *
     * @param forget the model's predictions on the forget set
     * @param retain its predictions on the retain set
     * @param test its predictions on the test set
     * @param rteSeconds run time of the unlearning step that produced the model
     * @param seed seed of the MIA solver
     * @return the metrics in percent
     */
    public static UnlearningMetrics evaluate(Predictions forget, Predictions retain, Predictions test, double rteSeconds,
            long seed) {
        double mia = MiaEfficacy.efficacy(retain, test, forget, seed);
        return new UnlearningMetrics(100 * (1 - forget.accuracy()), mia, 100 * retain.accuracy(),
                100 * test.accuracy(), rteSeconds);
    }
}
