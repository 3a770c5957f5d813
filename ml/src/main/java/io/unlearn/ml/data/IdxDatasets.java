package io.unlearn.ml.data;

import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.internals.IdxReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads any directory of IDX image files in the MNIST layout ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each optionally {@code .gz}). Pixels are scaled to {@code [0, 1]}; a sample's features have shape
 * {@code (1, rows, cols)}. Ids are {@code name/train/000123}; subjects are assigned by
 * {@link SubjectAssignment}.
 */
public final class IdxDatasets {
    /** The four files a dataset directory holds, each also accepted with {@code .gz}. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private IdxDatasets() {
    }

    /**
     * @param dir a dataset directory
     * @return the names of {@link #FILES} that {@code dir} lacks (gzipped or not); all four when it does not exist
     */
    public static List<String> missingFiles(Path dir) {
        return FILES.stream().filter(f -> !Files.isRegularFile(file(dir, f))).toList();
    }

    /**
     * @param dir directory holding the four files
     * @param name dataset name used in ids
     * @param classNames names of the classes, in label order
     * @param subjects the synthetic subject assignment
     * @param fix what to tell the user when files are missing or bad
     * @return the dataset
     */
    public static UnlearnDataset load(Path dir, String name, List<String> classNames,
            SubjectAssignment subjects, String fix) {
        if (!Files.isDirectory(dir)) {
            throw new UnlearnException("dataset directory " + dir + " does not exist; " + fix);
        }
        SampleSource train = split(dir, "train", Split.TRAIN, name, classNames, subjects, fix);
        SampleSource test = split(dir, "t10k", Split.TEST, name, classNames, subjects, fix);
        return new UnlearnDataset(DataView.all(train), DataView.all(test));
    }

    private static SampleSource split(Path dir, String prefix, Split split, String name,
            List<String> classNames, SubjectAssignment subjects, String fix) {
        IdxReader.Idx images = IdxReader.read(file(dir, prefix + "-images-idx3-ubyte"), 3, fix);
        IdxReader.Idx labels = IdxReader.read(file(dir, prefix + "-labels-idx1-ubyte"), 1, fix);
        int n = images.dims()[0];
        if (labels.dims()[0] != n) {
            throw new UnlearnException(dir + ": " + n + " images but " + labels.dims()[0] + " labels in the "
                    + prefix + " files; " + fix);
        }
        float[] features = new float[images.data().length];
        for (int i = 0; i < features.length; i++) {
            features[i] = (images.data()[i] & 0xff) / 255f;
        }
        int[] y = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.data()[i] & 0xff;
            ids[i] = SubjectAssignment.sampleId(name, split, i);
        }
        Shape shape = new Shape(1, images.dims()[1], images.dims()[2]);
        return new InMemorySamples(name, split, shape, classNames, ids, subjects.assign(name, split, n), y, features);
    }

    private static Path file(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz");
        return Files.exists(gz) ? gz : dir.resolve(base);
    }
}
