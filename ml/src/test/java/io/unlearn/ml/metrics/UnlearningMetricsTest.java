package io.unlearn.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Avg. Gap and its lower confidence bound: one sample of a tiny set is no gap, a wide gap on many samples stays one. */
class UnlearningMetricsTest {
    private static final UnlearningMetrics RETRAIN = new UnlearningMetrics(16.7, 16.7, 99.0, 88.0, 10);

    @Test
    void oneSampleOfASixSampleSetIsAGapButNotBeyondItsNoise() {
        UnlearningMetrics method = new UnlearningMetrics(0.0, 0.0, 99.0, 88.0, 1);
        assertThat(method.avgGap(RETRAIN)).isCloseTo(8.35, within(1e-9));
        assertThat(method.avgGapLowerBound(RETRAIN, new UnlearningMetrics.SampleCounts(6, 1000, 10000), 1.96)).isZero();
    }

    @Test
    void aWideGapOnManySamplesKeepsMostOfItself() {
        UnlearningMetrics method = new UnlearningMetrics(2.0, 1.0, 97.0, 86.0, 1);
        UnlearningMetrics retrain = new UnlearningMetrics(30.0, 35.0, 99.0, 88.0, 10);
        double gap = method.avgGap(retrain);
        double low = method.avgGapLowerBound(retrain, new UnlearningMetrics.SampleCounts(300, 1000, 10000), 1.96);
        assertThat(gap).isCloseTo(16.5, within(1e-9));
        assertThat(low).isBetween(10.0, gap);
    }

    @Test
    void theBoundIsNeverAboveTheGapAndShrinksToItWithMoreSamples() {
        UnlearningMetrics method = new UnlearningMetrics(10.0, 5.0, 95.0, 85.0, 1);
        UnlearningMetrics retrain = new UnlearningMetrics(20.0, 15.0, 97.0, 87.0, 10);
        double previous = -1;
        for (int n : new int[] {10, 100, 1000, 100000}) {
            double low = method.avgGapLowerBound(retrain, new UnlearningMetrics.SampleCounts(n, n, n), 1.96);
            assertThat(low).isLessThanOrEqualTo(method.avgGap(retrain)).isGreaterThanOrEqualTo(previous);
            previous = low;
        }
        assertThat(previous).isCloseTo(method.avgGap(retrain), within(0.5));
    }
}
