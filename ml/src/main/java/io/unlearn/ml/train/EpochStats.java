package io.unlearn.ml.train;

/**
 * One training epoch.
 *
 * @param epoch 1-based epoch
 * @param meanLoss mean mini-batch loss
 * @param trainAccuracy accuracy on the batches seen during the epoch (training mode), in [0, 1]
 * @param seconds wall time of the epoch
 * @param samplesPerSecond training throughput
 */
public record EpochStats(int epoch, double meanLoss, double trainAccuracy, double seconds, double samplesPerSecond) {
}
