package io.unlearn.ml.worstcase;

import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.InMemorySamples;
import io.unlearn.ml.data.Split;
import io.unlearn.ml.data.SubjectAssignment;
import io.unlearn.ml.data.UnlearnDataset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tiny dataset with planted easy-to-remember points: {@code noise} samples with Gaussian features and random
 * labels (hard to fit) followed by {@code prototypes × copies} exact duplicates of a few far-away prototypes
 * with consistent labels (memorised at once). Samples are interleaved so the planted ones are spread out.
 */
final class ToyData {

    static final int D = 8;

    private ToyData() {
    }

    static UnlearnDataset planted(int noise, int prototypes, int copies, long seed) {
        int n = noise + prototypes * copies;
        Random r = new Random(seed);
        float[] x = new float[n * D];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int planted = plantedIndex(i, noise, prototypes, copies);
            for (int j = 0; j < D; j++) {
                x[i * D + j] = planted < 0 ? (float) r.nextGaussian() : (j == planted % D ? 10f : 0f);
            }
            y[i] = planted < 0 ? r.nextInt(2) : planted % 2;
        }
        InMemorySamples train = source(Split.TRAIN, x, y);
        float[] tx = new float[20 * D];
        int[] ty = new int[20];
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < D; j++) {
                tx[i * D + j] = (float) r.nextGaussian();
            }
            ty[i] = r.nextInt(2);
        }
        return new UnlearnDataset(DataView.all(train), DataView.all(source(Split.TEST, tx, ty)));
    }

    /** @return the ids of the planted duplicates */
    static Set<String> plantedIds(int noise, int prototypes, int copies) {
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < noise + prototypes * copies; i++) {
            if (plantedIndex(i, noise, prototypes, copies) >= 0) {
                ids.add(SubjectAssignment.sampleId("toy", Split.TRAIN, i));
            }
        }
        return ids;
    }

    /** Every (stride)-th row is planted until all copies are placed; returns the prototype or -1. */
    private static int plantedIndex(int row, int noise, int prototypes, int copies) {
        int planted = prototypes * copies;
        int stride = (noise + planted) / planted;
        return row % stride == 0 && row / stride < planted ? (row / stride) % prototypes : -1;
    }

    private static InMemorySamples source(Split split, float[] x, int[] y) {
        int n = y.length;
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = SubjectAssignment.sampleId("toy", split, i);
        }
        return new InMemorySamples("toy", split, new Shape(D), List.of("even", "odd"), ids,
                SubjectAssignment.ofDefaults().assign("toy", split, n), y, x);
    }
}
