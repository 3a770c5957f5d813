package io.unlearn.ml.data;

import io.unlearn.ml.UnlearnException;
import java.nio.file.Path;
import java.util.List;

/**
 * The datasets a service or benchmark can name: {@value FashionMnist#NAME} (Fashion-MNIST) and
 * {@code fmnist-stamped} (Fashion-MNIST with a corner-stamp backdoor, {@link StampedFashionMnist}). Both read the
 * same IDX files, so one data directory serves either; the name is also the prefix of every sample id.
 */
public final class Datasets {

    /** Every name {@link #load} accepts. */
    public static final List<String> NAMES = List.of(FashionMnist.NAME, StampedFashionMnist.NAME);

    private Datasets() {
    }

    /**
     * @param name one of {@link #NAMES}
     * @param dir the directory holding Fashion-MNIST's IDX files
     * @return the dataset (for {@code fmnist-stamped}: its training and clean test split; load it through
     *     {@link StampedFashionMnist} to get the stamped test images and the stamped ids as well)
     * @throws UnlearnException listing the names when {@code name} is unknown
     */
    public static UnlearnDataset load(String name, Path dir) {
        return open(name, dir).dataset();
    }

    /**
     * @param name one of {@link #NAMES}
     * @param dir the directory holding Fashion-MNIST's IDX files
     * @return the dataset with what it offers besides its samples (for {@code fmnist-stamped}: its stamped view, whose
     *     stamped training samples have paired test views)
     * @throws UnlearnException listing the names when {@code name} is unknown
     */
    public static NamedDataset open(String name, Path dir) {
        if (FashionMnist.NAME.equals(name)) {
            return NamedDataset.of(FashionMnist.load(dir));
        }
        if (StampedFashionMnist.NAME.equals(name)) {
            return NamedDataset.of(StampedFashionMnist.load(dir));
        }
        throw new UnlearnException("unknown dataset '" + name + "'; the datasets are " + NAMES);
    }
}
