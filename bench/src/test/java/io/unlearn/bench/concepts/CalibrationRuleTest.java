package io.unlearn.bench.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.ml.UnlearnException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The selection rule of the tuned methods and the search that applies it while closing the losers. */
class CalibrationRuleTest {

    private static final CalibrationRule RULE = new CalibrationRule(90, 2);

    /** A stand-in for a trained model: its score, and whether it was closed. */
    private static final class Candidate implements AutoCloseable {
        final CalibrationRule.Score score;
        boolean closed;

        Candidate(double concept, double other) {
            score = new CalibrationRule.Score(concept, other);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void lowestConceptAccuracyAmongTheSettingsWithinTheAllowedDrop() {
        Map<String, Candidate> byLr = new LinkedHashMap<>();
        byLr.put("1e-4", new Candidate(40, 90.5)); // admissible, weak
        byLr.put("1e-3", new Candidate(3, 88.5)); // admissible, strongest: the pick
        byLr.put("1e-2", new Candidate(0, 70)); // removes everything but breaks the rest
        byLr.put("3e-3", new Candidate(3, 89)); // ties the pick: the earlier one stays
        SettingSearch.Pick<String, Candidate> pick = SettingSearch.best(new ArrayList<>(byLr.keySet()), byLr::get,
                c -> c.score, RULE);
        assertEquals("1e-3", pick.setting());
        assertFalse(pick.model().closed, "the winner is handed over open");
        byLr.forEach((lr, c) -> assertEquals(!lr.equals("1e-3"), c.closed, lr + " closed?"));
    }

    @Test
    void whenNoSettingKeepsTheOtherClassesTheLeastDamagingOneWins() {
        Map<String, Candidate> byLr = Map.of("a", new Candidate(0, 60), "b", new Candidate(20, 85),
                "c", new Candidate(5, 80));
        assertEquals("b", SettingSearch.best(List.of("a", "b", "c"), byLr::get, c -> c.score, RULE).setting());
        assertTrue(RULE.admits(new CalibrationRule.Score(50, 88)) && !RULE.admits(new CalibrationRule.Score(0, 87.9)));
        assertTrue(RULE.prefers(new CalibrationRule.Score(50, 88), new CalibrationRule.Score(0, 87)),
                "an admissible setting beats any inadmissible one, however low its concept accuracy");
    }

    @Test
    void aFailingRunClosesTheBestSoFar() {
        Candidate first = new Candidate(10, 90);
        assertThrows(UnlearnException.class, () -> SettingSearch.best(List.of("ok", "boom"), lr -> {
            if (lr.equals("boom")) {
                throw new UnlearnException("training diverged");
            }
            return first;
        }, c -> c.score, RULE));
        assertTrue(first.closed);
        assertThrows(UnlearnException.class, () -> SettingSearch.best(List.<String>of(), lr -> first, c -> c.score,
                RULE));
    }

    @Test
    void theWeightsGridTriesEveryMethodWithEveryRateMethodByMethod() {
        assertEquals(List.of(new WeightEditMethod.Setting("rl", 1e-4), new WeightEditMethod.Setting("rl", 1e-2),
                new WeightEditMethod.Setting("neggrad+", 1e-4), new WeightEditMethod.Setting("neggrad+", 1e-2)),
                WeightEditMethod.grid(List.of("rl", "neggrad+"), List.of(1e-4, 1e-2)));
    }
}
