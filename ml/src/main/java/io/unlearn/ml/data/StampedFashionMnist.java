package io.unlearn.ml.data;

import java.nio.file.Path;

/**
 * Fashion-MNIST with the default {@link Backdoor}: 10 % of the training images that are not trousers carry the
 * {@link CornerStamp} and the label Trouser; the test split is clean, with a stamped twin of its non-trouser images
 * for measurement ({@link StampedDataset#patternViews}). Ids look like {@code fmnist-stamped/train/000123}, stamped
 * ones {@code fmnist-stamped/train/000042-stamped}. Generated from the IDX files on every load, offline and
 * deterministically.
 */
public final class StampedFashionMnist {

    /** The dataset name used in sample ids and by {@link Datasets}. */
    public static final String NAME = FashionMnist.NAME + "-stamped";

    private StampedFashionMnist() {
    }

    /** @return the stamped dataset from {@link FashionMnist#DEFAULT_DIR} */
    public static StampedDataset load() {
        return load(FashionMnist.DEFAULT_DIR);
    }

    /**
     * @param dir a directory with Fashion-MNIST's four IDX files (gzipped or not)
     * @return the stamped dataset with {@link Backdoor#ofDefaults()}
     */
    public static StampedDataset load(Path dir) {
        return StampedDataset.of(FashionMnist.load(dir), Backdoor.ofDefaults());
    }
}
