package io.unlearn.ml.unlearn;

import io.unlearn.ml.model.Classifier;

/**
 * The unlearned model and the report of the run. Owns the model: close it, or take it over and
 * close it later.
 *
 * @param model the new model
 * @param report the run report
 */
public record UnlearningResult(Classifier model, RunReport report) implements AutoCloseable {

    @Override
    public void close() {
        model.close();
    }
}
