package io.unlearn.ml.suppression;

import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.InMemorySamples;
import io.unlearn.ml.data.Split;
import io.unlearn.ml.data.SubjectAssignment;
import io.unlearn.ml.data.UnlearnDataset;
import java.util.List;
import java.util.Random;

/**
 * A toy problem whose answer is known: four classes, each a noisy bump along its own axis of an 8-dimensional
 * space (the other four axes are noise), so each class is carried by its own directions.
 */
final class ToyConcepts {

    static final int DIM = 8;
    static final List<String> CLASSES = List.of("a", "b", "c", "d");

    private ToyConcepts() {
    }

    static UnlearnDataset dataset(int n, long seed) {
        return new UnlearnDataset(DataView.all(source(Split.TRAIN, n, seed)),
                DataView.all(source(Split.TEST, n / 2, seed + 1)));
    }

    private static InMemorySamples source(Split split, int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * DIM];
        int[] y = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % CLASSES.size();
            ids[i] = SubjectAssignment.sampleId("toy", split, i);
            for (int j = 0; j < DIM; j++) {
                x[i * DIM + j] = (float) (0.3 * r.nextGaussian());
            }
            x[i * DIM + y[i]] += 2f;
        }
        return new InMemorySamples("toy", split, new Shape(DIM), CLASSES, ids,
                SubjectAssignment.ofDefaults().assign("toy", split, n), y, x);
    }
}
