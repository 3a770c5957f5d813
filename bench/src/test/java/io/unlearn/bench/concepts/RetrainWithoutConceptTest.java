package io.unlearn.bench.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.Devices;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ModelSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrain without a concept on {@link Squares}: it leaves out exactly the concept's samples, never predicts the
 * concept afterwards, and is cached per excluded set.
 */
class RetrainWithoutConceptTest {

    @Test
    void excludesExactlyTheConceptsTrainingSamples() {
        UnlearnDataset data = Squares.dataset(300, 10);
        ConceptCase c = Squares.concept("pair", List.of("c2", "c7"));
        Set<String> excluded = new HashSet<>(RetrainWithoutConcept.excludedIds(data, c));
        for (int i = 0; i < data.train().size(); i++) {
            boolean conceptSample = data.train().label(i) == 2 || data.train().label(i) == 7;
            assertEquals(conceptSample, excluded.contains(data.train().id(i)), "sample " + data.train().id(i));
        }
        DataView retained = data.split(excluded).retain();
        assertEquals(data.train().size() - excluded.size(), retained.size());
        assertTrue(IntStream.range(0, retained.size()).noneMatch(i -> c.classes().contains(retained.label(i))));
    }

    @Test
    void theRetrainNeverSawTheConceptAndIsCachedPerExcludedSet(@TempDir Path cache) {
        UnlearnDataset data = Squares.dataset(600, 200);
        EngineOptions.Setup setup = new EngineOptions.Setup(Devices.resolve("cpu"), data, Map.of(), cache);
        ModelSpec spec = BaseModelCache.cnn(data, 3, 7);
        DataView calibration = data.test();
        ConceptCase pair = Squares.concept("pair", List.of("c2", "c7"));
        try (Removal first = RetrainWithoutConcept.build(setup, spec, pair, calibration, ProgressListener.NONE)) {
            assertFalse(first.choice().contains("cached"), first.choice());
            assertEquals(0, first.calibrationConceptAcc(), "a model that never saw the classes should not predict them");
            assertTrue(first.calibrationOtherAcc() > 80, "the other classes should be learnt: "
                    + first.calibrationOtherAcc());
            assertTrue(first.weightsOnly());
        }
        try (Removal again = RetrainWithoutConcept.build(setup, spec, pair, calibration, ProgressListener.NONE);
                Removal other = RetrainWithoutConcept.build(setup, spec, Squares.concept("c4", List.of("c4")), calibration,
                        ProgressListener.NONE)) {
            assertTrue(again.choice().endsWith("(cached)"), again.choice());
            assertFalse(other.choice().contains("cached"), "another concept needs its own retrain: " + other.choice());
        }
        BaseModelCache.Base base = BaseModelCache.obtain(cache, spec, data, setup.device(), ProgressListener.NONE);
        try {
            assertFalse(base.reused(), "the base model is not one of the retrains");
        } finally {
            base.model().close();
        }
    }
}
