package io.unlearn.ml.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (60,000 train and 10,000 test grey images of 28×28, 10 classes) from IDX files.
 * Sample features have shape {@code (1, 28, 28)} with values in {@code [0, 1]}; ids look like
 * {@code fmnist/train/000123}; 60 consecutive training samples belong to one synthetic subject.
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** The dataset name used in sample ids. */
    public static final String NAME = "fmnist";

    /** Class names in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** @return Fashion-MNIST from {@link #DEFAULT_DIR} */
    public static UnlearnDataset load() {
        return load(DEFAULT_DIR);
    }

    /**
     * @param dir a directory with the four IDX files (gzipped or not)
     * @return the dataset
     */
    public static UnlearnDataset load(Path dir) {
        String fix = "install Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist, files"
                + " go to " + DEFAULT_DIR + ") or point the data directory at a folder holding"
                + " train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and"
                + " t10k-labels-idx1-ubyte.gz";
        return IdxDatasets.load(dir, NAME, CLASSES, SubjectAssignment.ofDefaults(), fix);
    }
}
