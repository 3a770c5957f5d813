package io.unlearn.bench.concepts;

import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.InMemorySamples;
import io.unlearn.ml.data.Split;
import io.unlearn.ml.data.SubjectAssignment;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.suppression.Concept;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** A tiny 28×28 ten-class set the benchmark's CNN learns in a few epochs: each class is a bright square at its own place. */
final class Squares {

    static final List<String> CLASSES = IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();

    private Squares() {
    }

    static UnlearnDataset dataset(int train, int test) {
        return new UnlearnDataset(DataView.all(source(Split.TRAIN, train, 5)), DataView.all(source(Split.TEST, test, 6)));
    }

    static ConceptCase concept(String name, List<String> classes) {
        return new ConceptCase(name, ConceptCase.LABELS, List.of(Concept.ofClasses(name, classes, CLASSES)));
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
}
