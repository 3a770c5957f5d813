package io.unlearn.bench.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.Devices;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.InMemorySamples;
import io.unlearn.ml.data.Split;
import io.unlearn.ml.data.SubjectAssignment;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.suppression.Concept;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrain without a concept on a tiny 28×28 set where each class is a bright square at its own place: it leaves out
 * exactly the concept's samples, never predicts the concept afterwards, and is cached per excluded set.
 */
class RetrainWithoutConceptTest {

    private static final List<String> CLASSES = IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();

    private static UnlearnDataset squares(int train, int test) {
        return new UnlearnDataset(DataView.all(source(Split.TRAIN, train, 5)), DataView.all(source(Split.TEST, test, 6)));
    }

    private static InMemorySamples source(Split split, int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 28 * 28];
        int[] y = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(CLASSES.size());
            ids[i] = SubjectAssignment.sampleId("squares", split, i);
            int top = 2 + 8 * (y[i] / 3);
            int left = 2 + 8 * (y[i] % 3);
            for (int p = 0; p < 28 * 28; p++) {
                int row = p / 28;
                int col = p % 28;
                boolean inSquare = row >= top && row < top + 6 && col >= left && col < left + 6;
                x[i * 28 * 28 + p] = (float) ((inSquare ? 0.9 : 0.0) + 0.1 * r.nextDouble());
            }
        }
        return new InMemorySamples("squares", split, new Shape(1, 28, 28), CLASSES, ids,
                SubjectAssignment.ofDefaults().assign("squares", split, n), y, x);
    }

    private static ConceptCase concept(String name, List<String> classes) {
        return new ConceptCase(name, ConceptCase.LABELS, List.of(Concept.ofClasses(name, classes, CLASSES)));
    }

    @Test
    void excludesExactlyTheConceptsTrainingSamples() {
        UnlearnDataset data = squares(300, 10);
        ConceptCase c = concept("pair", List.of("c2", "c7"));
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
        UnlearnDataset data = squares(600, 200);
        EngineOptions.Setup setup = new EngineOptions.Setup(Devices.resolve("cpu"), data, Map.of(), cache);
        ModelSpec spec = BaseModelCache.cnn(data, 3, 7);
        DataView calibration = data.test();
        ConceptCase pair = concept("pair", List.of("c2", "c7"));
        try (Removal first = RetrainWithoutConcept.build(setup, spec, pair, calibration, ProgressListener.NONE)) {
            assertFalse(first.choice().contains("cached"), first.choice());
            assertEquals(0, first.calibrationConceptAcc(), "a model that never saw the classes should not predict them");
            assertTrue(first.calibrationOtherAcc() > 80, "the other classes should be learnt: "
                    + first.calibrationOtherAcc());
            assertTrue(first.weightsOnly());
        }
        try (Removal again = RetrainWithoutConcept.build(setup, spec, pair, calibration, ProgressListener.NONE);
                Removal other = RetrainWithoutConcept.build(setup, spec, concept("c4", List.of("c4")), calibration,
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
