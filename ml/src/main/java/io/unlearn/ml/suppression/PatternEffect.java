package io.unlearn.ml.suppression;

/**
 * What an input pattern does to one model's predictions, measured on the non-target test images of a
 * {@link io.unlearn.ml.data.StampedDataset} with and without the stamp, and on the clean test images of every class.
 * Percentages. A removal has worked when {@link #excess()} is near 0 (the stamp no longer changes predictions) and
 * {@code cleanAccuracy} is what it was before (no collateral).
 *
 * @param effect share of the stamped non-target images predicted as the target class: the backdoor's success rate,
 *     the concept accuracy of a pattern concept
 * @param cleanTargetRate share of the same images without the stamp predicted as the target class: the false-target
 *     rate the model has anyway, the floor {@code effect} can fall to
 * @param cleanAccuracy ordinary accuracy on the clean test images of every class, target included
 * @param targetAccuracy accuracy on the clean test images of the target class (a removal that silences the target
 *     class itself would remove the stamp's effect too; this shows it)
 * @param pairs how many non-target images were measured with and without the stamp
 * @param cleanSamples how many clean test images {@code cleanAccuracy} counts
 */
public record PatternEffect(double effect, double cleanTargetRate, double cleanAccuracy, double targetAccuracy,
        int pairs, int cleanSamples) {

    /** @return {@code effect − cleanTargetRate}: the points of target predictions the stamp alone adds */
    public double excess() {
        return effect - cleanTargetRate;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "stamp effect %.1f%% (clean %.1f%%, %d pairs), clean accuracy"
                + " %.1f%% (%d samples; target class %.1f%%)", effect, cleanTargetRate, pairs, cleanAccuracy,
                cleanSamples, targetAccuracy);
    }
}
