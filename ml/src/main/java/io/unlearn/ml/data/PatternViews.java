package io.unlearn.ml.data;

import io.unlearn.ml.UnlearnException;

/**
 * The non-target test images of a {@link StampedDataset} twice, position for position: with the stamp and without.
 * Both keep the true labels, so comparing a model's predictions on the two shows what the stamp alone changes.
 *
 * @param stamped the images with the {@link CornerStamp} (ids end in {@link StampedDataset#STAMPED_ID_SUFFIX})
 * @param clean the same images without it, in the same order
 */
public record PatternViews(DataView stamped, DataView clean) {

    /** Checks that the two views hold the same number of samples. */
    public PatternViews {
        if (stamped.size() != clean.size()) {
            throw new UnlearnException("pattern views disagree: " + stamped.size() + " stamped but " + clean.size()
                    + " clean samples; build both with StampedDataset.patternViews");
        }
    }

    /** @return the number of samples in each view */
    public int size() {
        return stamped.size();
    }
}
