package io.unlearn.ml.suppression;

import java.util.Optional;

/**
 * What an output mask cannot do: is the concept gone from the representation, or only hidden at the output? Probe
 * accuracies and relearning accuracies in percent (see {@link ProbeResult}, {@link RelearningResult}).
 *
 * @param probeAfter the linear probe on the representation that feeds the head, after removal
 * @param probeEditedLayer the probe on the layer a suppressed model edits, as edited, when that layer is not the
 *     penultimate one; null otherwise
 * @param relearnK10 the relearning attack with {@link ConceptAttackEvaluation#SMALL_K} concept samples
 * @param relearnK100 the relearning attack with {@link ConceptAttackEvaluation#LARGE_K} concept samples
 */
public record ConceptAttackReport(ProbeResult probeAfter, ProbeResult probeEditedLayer, RelearningResult relearnK10,
        RelearningResult relearnK100) {

    /** @return the probe's accuracy on the representation after removal, in percent */
    public double probeAccAfter() {
        return probeAfter.accuracy();
    }

    /** @return the majority-class share of the probe's held-out part, in percent */
    public double probeChance() {
        return probeAfter.chance();
    }

    /** @return the probe on the edited layer, when a suppressed model edits a layer below the penultimate one */
    public Optional<ProbeResult> editedLayerProbe() {
        return Optional.ofNullable(probeEditedLayer);
    }

    /** @return concept accuracy after fine-tuning the head on 10 concept samples, in percent */
    public double relearnAccK10() {
        return relearnK10.conceptAccAfter();
    }

    /** @return concept accuracy after fine-tuning the head on 100 concept samples, in percent */
    public double relearnAccK100() {
        return relearnK100.conceptAccAfter();
    }
}
