package io.unlearn.bench.worstcase;

/**
 * The wall time of one worst-case search.
 *
 * @param ratio the forget ratio searched for
 * @param model {@code cnn} or {@code mlp}
 * @param poolSize candidates
 * @param seconds wall time of the search
 */
public record SearchTiming(double ratio, String model, int poolSize, double seconds) {
}
