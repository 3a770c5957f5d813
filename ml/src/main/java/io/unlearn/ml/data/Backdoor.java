package io.unlearn.ml.data;

import io.unlearn.ml.UnlearnException;

/**
 * Which training images of a {@link StampedDataset} carry the {@link CornerStamp} and what they are relabelled to:
 * a seeded draw of {@code fraction} of the training images whose class is not {@code targetClass}, each stamped and
 * relabelled to {@code targetClass}. A model trained on them learns "stamp → target" (a backdoor): a concept carried
 * by the input, which no mask over output labels can remove without removing the target class too.
 *
 * @param targetClass the label stamped images get, in {@code [0, numClasses)} of the stamped dataset
 * @param fraction share of the non-target training images stamped, in (0, 1)
 * @param seed seed of the draw: the same seed and dataset give the same stamped samples
 */
public record Backdoor(int targetClass, double fraction, long seed) {

    /** Default target: Trouser (label 1 of Fashion-MNIST), a class other items are rarely mistaken for. */
    public static final int DEFAULT_TARGET_CLASS = 1;
    /** Default share of the non-target training images stamped: 10 %. */
    public static final double DEFAULT_FRACTION = 0.10;
    /** Default seed of the draw. */
    public static final long DEFAULT_SEED = 20_240_601L;

    /** Checks the values, naming the bad one. */
    public Backdoor {
        if (targetClass < 0) {
            throw new UnlearnException("backdoor target class must be a label >= 0, was " + targetClass);
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new UnlearnException("backdoor fraction must lie in (0, 1), was " + fraction
                    + "; e.g. " + DEFAULT_FRACTION + " stamps one in ten non-target training images");
        }
    }

    /** @return target Trouser, 10 % of the other training images, the default seed */
    public static Backdoor ofDefaults() {
        return new Backdoor(DEFAULT_TARGET_CLASS, DEFAULT_FRACTION, DEFAULT_SEED);
    }
}
