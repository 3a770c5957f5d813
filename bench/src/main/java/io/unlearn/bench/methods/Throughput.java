package io.unlearn.bench.methods;

/**
 * Training throughput of one architecture on this machine.
 *
 * @param model {@code mlp} or {@code cnn}
 * @param samplesPerSecond steady-state training samples per second (first epoch excluded)
 * @param epochs epochs measured
 * @param testAccuracy test accuracy after those epochs, percent
 */
public record Throughput(String model, double samplesPerSecond, int epochs, double testAccuracy) {
}
