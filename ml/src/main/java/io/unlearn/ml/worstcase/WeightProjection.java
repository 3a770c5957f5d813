package io.unlearn.ml.worstcase;

import io.unlearn.ml.UnlearnException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The two operations on the selection weights {@code w ∈ [0,1]^N} of the worst-case search: the projection
 * onto the capped simplex {@code {w : 0 ≤ wᵢ ≤ 1, Σw = m}} and the binarisation to the top-m indicator.
 *
 * <p>The projection of a point {@code a} is {@code clamp(a − μ, 0, 1)} for the scalar {@code μ} at which the
 * clamped sum equals {@code m}; the sum is continuous and non-increasing in {@code μ}, so {@code μ} is found by
 * bisection on {@code [min(a) − 1, max(a)]}, as {@code utils.bisection} of the seed code does (there in float32
 * with a 1e-5 interval and at most 100 halvings; here in double precision until the sum is within
 * {@link #SUM_TOLERANCE} of {@code m}).
 */
public final class WeightProjection {

    /** Largest accepted |Σw − m| after the projection. */
    public static final double SUM_TOLERANCE = 1e-6;

    /** Halvings allowed; 200 halve any double interval down to its last bit. */
    public static final int MAX_ITERATIONS = 200;

    private WeightProjection() {
    }

    /**
     * Projects onto {@code {w ∈ [0,1]^N : Σw = m}}.
     *
     * @param a the point, length N, every value finite
     * @param m the target sum, in {@code (0, N)}
     * @return a new array {@code clamp(a − μ, 0, 1)} with |Σ − m| ≤ {@link #SUM_TOLERANCE}
     * @throws UnlearnException when m is outside (0, N) or a value is not finite
     */
    public static double[] project(double[] a, double m) {
        checkTarget(a.length, m);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new UnlearnException("cannot project selection weights holding " + v
                        + ": the per-sample losses diverged; lower the weight learning rate or check the inputs");
            }
            lo = Math.min(lo, v - 1);
            hi = Math.max(hi, v);
        }
        // sum(lo) = N > m, sum(hi) = 0 < m: the root lies in between
        double mu = (lo + hi) / 2;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            mu = (lo + hi) / 2;
            double gap = clampedSum(a, mu) - m;
            if (Math.abs(gap) <= SUM_TOLERANCE / 4 || mu == lo || mu == hi) {
                break;
            }
            if (gap > 0) {
                lo = mu;
            } else {
                hi = mu;
            }
        }
        double[] w = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            w[i] = clamp(a[i] - mu);
        }
        return w;
    }

    /**
     * The m largest weights, ties broken by the lower index (so the result is deterministic).
     *
     * @param w weights
     * @param m how many, in {@code (0, N)}
     * @return their indices, ascending
     */
    public static int[] topM(double[] w, int m) {
        checkTarget(w.length, m);
        int[] chosen = IntStream.range(0, w.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -w[i]).thenComparingInt(i -> i))
                .limit(m).mapToInt(Integer::intValue).toArray();
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * @param n length
     * @param chosen indices set to 1
     * @return the 0/1 indicator of {@code chosen}
     */
    public static double[] indicator(int n, int[] chosen) {
        double[] w = new double[n];
        for (int i : chosen) {
            w[i] = 1;
        }
        return w;
    }

    private static double clampedSum(double[] a, double mu) {
        double s = 0;
        for (double v : a) {
            s += clamp(v - mu);
        }
        return s;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static void checkTarget(int n, double m) {
        if (n == 0) {
            throw new UnlearnException("the candidate pool is empty: there is nothing to select a forget set from;"
                    + " pass a non-empty pool");
        }
        if (!(m > 0 && m < n)) {
            throw new UnlearnException("forget-set size " + m + " must lie strictly between 0 and the pool size " + n
                    + "; choose 1 ≤ m < " + n + " or enlarge the pool");
        }
    }
}
