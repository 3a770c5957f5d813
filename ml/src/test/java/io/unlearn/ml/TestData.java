package io.unlearn.ml;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.data.InMemorySamples;
import io.unlearn.ml.data.Split;
import io.unlearn.ml.data.SubjectAssignment;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import java.util.List;
import java.util.Random;

/** Small shared fixtures: slices of Fashion-MNIST and tiny synthetic data. */
public final class TestData {

    private static UnlearnDataset fashion;

    private TestData() {
    }

    /** @return Fashion-MNIST from the Debian package, loaded once per test JVM */
    public static synchronized UnlearnDataset fashionMnist() {
        if (fashion == null) {
            fashion = FashionMnist.load();
        }
        return fashion;
    }

    /**
     * @param train training samples
     * @param test test samples
     * @return the first samples of Fashion-MNIST
     */
    public static UnlearnDataset fashionSlice(int train, int test) {
        return fashionMnist().head(train, test);
    }

    /** @return a small MLP spec for 28×28 inputs */
    public static ModelSpec smallMlp(int epochs, long seed) {
        TrainingSpec t = TrainingSpec.builder().optEpochs(epochs).optBatchSize(64).optSeed(seed).build();
        return new ModelSpec(io.unlearn.ml.model.Architecture.MLP, List.of(1L, 28L, 28L), 10, List.of(64), t);
    }

    /** @return the CPU */
    public static Device cpu() {
        return Device.cpu();
    }

    /**
     * A synthetic tabular dataset: {@code n} training and {@code n/2} test samples in {@code d}
     * dimensions, two Gaussian blobs; {@code poison} makes the first training sample NaN.
     */
    public static UnlearnDataset blobs(int n, int d, long seed, boolean poison) {
        return new UnlearnDataset(DataView.all(blobSource(Split.TRAIN, n, d, seed, poison)),
                DataView.all(blobSource(Split.TEST, n / 2, d, seed + 1, false)));
    }

    private static InMemorySamples blobSource(Split split, int n, int d, long seed, boolean poison) {
        Random r = new Random(seed);
        float[] x = new float[n * d];
        int[] y = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            ids[i] = SubjectAssignment.sampleId("blobs", split, i);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (r.nextGaussian() + (y[i] == 0 ? -1 : 1));
            }
        }
        if (poison) {
            x[0] = Float.NaN;
        }
        return new InMemorySamples("blobs", split, new Shape(d), List.of("a", "b"), ids,
                SubjectAssignment.ofDefaults().assign("blobs", split, n), y, x);
    }
}
