package io.unlearn.ml.data;

import java.util.Optional;

/**
 * A dataset loaded by name ({@link Datasets#open}), with what it offers beyond its samples: for
 * {@code fmnist-stamped}, the {@link StampedDataset} whose stamped training samples have paired test views (stamped and
 * clean twins), which is what lets a concept given by those samples be removed and measured as a pattern
 * (io.unlearn.ml.suppression.ExampleConcepts). Services slice it once ({@link #limitedTo}) and hand both views on.
 *
 * @param dataset the samples to train, unlearn and measure on
 * @param stamped the same dataset as a stamped one, when it is; its {@code dataset()} is {@code dataset} itself
 */
public record NamedDataset(UnlearnDataset dataset, Optional<StampedDataset> stamped) {

    /** Checks that a stamped view wraps exactly {@code dataset} (pattern views need its test split's very source). */
    public NamedDataset {
        if (stamped.isPresent() && stamped.get().dataset() != dataset) {
            throw new io.unlearn.ml.UnlearnException("a named dataset's stamped view must wrap the dataset itself; build it with "
                    + "NamedDataset.of(StampedDataset)");
        }
    }

    /** @return a dataset without paired views */
    public static NamedDataset of(UnlearnDataset dataset) {
        return new NamedDataset(dataset, Optional.empty());
    }

    /** @return a stamped dataset: its samples and its paired views */
    public static NamedDataset of(StampedDataset stamped) {
        return new NamedDataset(stamped.dataset(), Optional.of(stamped));
    }

    /**
     * @param limit training samples to keep; 0 keeps everything
     * @return the slice every service of a cluster agrees on ({@link UnlearnDataset#limitedTo}), views kept
     */
    public NamedDataset limitedTo(int limit) {
        return stamped.map(s -> of(s.limitedTo(limit))).orElseGet(() -> of(dataset.limitedTo(limit)));
    }

    /** @return the dataset's name, also the prefix of its sample ids */
    public String name() {
        return dataset.name();
    }
}
