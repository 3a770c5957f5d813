package io.unlearn.ml.worstcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.unlearn.ml.UnlearnException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightProjectionTest {

    @Test
    void projectionHitsTheSumAndStaysInTheUnitBox() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(2000);
            if (n < 2) {
                continue;
            }
            double m = 1 + random.nextInt(n - 1) + (trial % 2 == 0 ? 0 : random.nextDouble() * 0.5);
            if (m >= n) {
                m = n - 0.5;
            }
            double scale = Math.pow(10, random.nextInt(7) - 3); // 1e-3 .. 1e3
            double[] a = random.doubles(n, -scale, scale).toArray();
            double[] w = WeightProjection.project(a, m);
            assertThat(Arrays.stream(w).sum()).as("trial %d, n %d, m %s, scale %s", trial, n, m, scale)
                    .isCloseTo(m, within(WeightProjection.SUM_TOLERANCE));
            assertThat(Arrays.stream(w).min().getAsDouble()).isGreaterThanOrEqualTo(0.0);
            assertThat(Arrays.stream(w).max().getAsDouble()).isLessThanOrEqualTo(1.0);
            for (int i = 1; i < n; i++) { // clamp(a - μ) keeps the order of a
                assertThat(Double.compare(w[i - 1], w[i]) * Double.compare(a[i - 1], a[i])).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void aFeasiblePointIsLeftAloneAndAShiftIsUndone() {
        double[] feasible = {0.5, 0.25, 0.25, 1.0, 0.0};
        assertThat(WeightProjection.project(feasible, 2.0)).containsExactly(feasible, within(1e-7));
        double[] shifted = Arrays.stream(feasible).map(v -> v + 0.3).toArray();
        // interior values shift back by the same μ; 1.0 + 0.3 − μ is clamped to 1
        double[] w = WeightProjection.project(shifted, 2.0);
        assertThat(w).containsExactly(new double[] {0.5, 0.25, 0.25, 1.0, 0.0}, within(1e-6));
    }

    @Test
    void topMBreaksTiesByIndexAndIndicatorMarksThem() {
        double[] w = {0.2, 0.9, 0.2, 0.9, 0.5};
        assertThat(WeightProjection.topM(w, 3)).containsExactly(1, 3, 4);
        assertThat(WeightProjection.topM(w, 4)).containsExactly(0, 1, 3, 4);
        assertThat(WeightProjection.indicator(5, new int[] {1, 4})).containsExactly(0, 1, 0, 0, 1);
    }

    @Test
    void badTargetsAndValuesGiveClearErrors() {
        assertThatThrownBy(() -> WeightProjection.project(new double[0], 1)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("candidate pool is empty");
        assertThatThrownBy(() -> WeightProjection.project(new double[3], 3)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("forget-set size 3.0 must lie strictly between 0 and the pool size 3");
        assertThatThrownBy(() -> WeightProjection.topM(new double[3], 0)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("choose 1 ≤ m < 3");
        assertThatThrownBy(() -> WeightProjection.project(new double[] {0, Double.NaN, 1}, 1))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("NaN");
    }
}
