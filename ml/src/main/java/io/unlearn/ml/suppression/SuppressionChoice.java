package io.unlearn.ml.suppression;

/**
 * One suppression setting tried on calibration samples, and what it did there (accuracies in percent).
 *
 * @param features how many top-scored latents
 * @param scale γ (used when {@code clamp} is null)
 * @param clamp the clamp value, or null to scale
 * @param keepErrorTerm whether the reconstruction error is added back
 * @param conceptAcc concept accuracy on the calibration samples
 * @param otherAcc non-concept accuracy on the calibration samples
 */
public record SuppressionChoice(int features, double scale, Double clamp, boolean keepErrorTerm, double conceptAcc,
        double otherAcc) {

    /** @return e.g. {@code k=64 γ=-2.0 err} or {@code k=64 clamp=0.0 noerr} */
    public String label() {
        return "k=" + features + (clamp == null ? " γ=" + scale : " clamp=" + clamp) + (keepErrorTerm ? " err" : " noerr");
    }
}
