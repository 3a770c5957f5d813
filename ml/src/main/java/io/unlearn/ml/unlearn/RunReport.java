package io.unlearn.ml.unlearn;

import java.util.Map;

/**
 * What an unlearning run did.
 *
 * @param method the method's name
 * @param hyperparameters the values used (defaults merged with overrides)
 * @param seed the run's seed
 * @param forgetSize number of forgotten samples
 * @param retainSize number of retained samples
 * @param seconds wall time of the run (the RTE)
 * @param originalSha256 sha256 of the input model's parameters
 * @param resultSha256 sha256 of the output model's parameters
 * @param lastLosses the last epoch's mean loss of each phase, e.g. {@code {"ft": 0.21}}
 */
public record RunReport(String method, Map<String, Double> hyperparameters, long seed, int forgetSize,
        int retainSize, double seconds, String originalSha256, String resultSha256, Map<String, Double> lastLosses) {

    /** Copies the maps. */
    public RunReport {
        hyperparameters = Map.copyOf(hyperparameters);
        lastLosses = Map.copyOf(lastLosses);
    }
}
