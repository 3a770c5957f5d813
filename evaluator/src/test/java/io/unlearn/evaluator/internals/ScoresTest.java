package io.unlearn.evaluator.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.unlearn.ml.metrics.Predictions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoresTest {

    private static Predictions predictions(int[] predicted, int[] labels) {
        return new Predictions(new float[labels.length], new float[labels.length], predicted, labels);
    }

    @Test
    void taWithoutRemovedClassesCountsOnlyTheTestSamplesOfTheClassesKept() {
        // both halves: class 0 always wrong (as in a model retrained without it), classes 1 and 2 right but one
        Scoring.Scores s = new Scoring.Scores(0, 0, 60, Double.NaN, Double.NaN, null, List.of(
                predictions(new int[] {1, 1, 1, 2}, new int[] {0, 0, 1, 2}),
                predictions(new int[] {1, 1, 0, 2}, new int[] {0, 1, 1, 2})));
        assertThat(s.taWithout(Set.of())).isCloseTo(100.0 * 4 / 8, within(1e-9));
        assertThat(s.taWithout(Set.of(0))).isCloseTo(100.0 * 4 / 5, within(1e-9));
        assertThat(s.taWithout(Set.of(0, 1))).isCloseTo(100.0, within(1e-9));
        assertThat(s.taWithout(Set.of(0, 1, 2))).isNaN();
    }
}
