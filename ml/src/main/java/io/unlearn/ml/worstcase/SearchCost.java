package io.unlearn.ml.worstcase;

/**
 * What a worst-case search cost.
 *
 * @param seconds wall time of the whole search (pool, lower and upper levels, selection)
 * @param outerSteps upper-level steps run
 * @param lowerLevelEpochs lower-level fine-tuning epochs run over the pool (outer steps × K)
 * @param samplesTrained sample passes of the lower level (epochs × pool size)
 * @param samplesScored per-sample loss evaluations of the upper level (outer steps × pool size)
 */
public record SearchCost(double seconds, int outerSteps, int lowerLevelEpochs, long samplesTrained,
        long samplesScored) {
}
