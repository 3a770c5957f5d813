package io.unlearn.ml.data;

import java.util.Locale;

/** Which part of a dataset a sample belongs to. Unlearning only ever removes TRAIN samples. */
public enum Split {
    /** Samples the model is trained on; the forget and retain sets are drawn from here. */
    TRAIN,
    /** Held-out samples for test accuracy and as MIA non-members. */
    TEST;

    /**
     * The lower-case name used in sample ids, e.g. {@code train} in {@code fmnist/train/000123}.
     *
     * @return the id segment
     */
    public String idSegment() {
        return name().toLowerCase(Locale.ROOT);
    }
}
