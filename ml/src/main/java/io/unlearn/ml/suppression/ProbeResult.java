package io.unlearn.ml.suppression;

/**
 * What a {@link ConceptProbe} found in one layer: can a linear classifier still tell concept samples from others?
 * Accuracy near {@code chance} means the layer no longer carries the concept linearly; accuracy well above it means
 * the concept is still there, whatever the model's output says.
 *
 * @param layer the layer probed ({@code penultimate}: the representation that feeds the head; or the layer an SAE
 *     edits, e.g. {@code encoder.5})
 * @param accuracy the probe's accuracy on its held-out part, in percent
 * @param chance the majority-class share of that held-out part, in percent (about 50 on a balanced split)
 * @param trainSize samples the probe was fitted on (half concept, half not)
 * @param testSize samples it was scored on
 */
public record ProbeResult(String layer, double accuracy, double chance, int trainSize, int testSize) {

    /** @return accuracy − chance, in percentage points */
    public double aboveChance() {
        return accuracy - chance;
    }
}
