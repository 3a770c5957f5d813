package io.unlearn.bench.concepts;

import io.unlearn.ml.suppression.SuppressionChoice;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's result.
 *
 * @param machine where it ran
 * @param settings what ran
 * @param saes the SAEs and their quality
 * @param rows one per concept × method
 * @param details the rest of each row's measurements
 * @param sweep the calibration grid of the SAE method, per concept (on the calibration half)
 * @param complete false while the run is still going
 */
public record ConceptsResult(Map<String, Object> machine, Map<String, Object> settings, List<SaeSummary> saes,
        List<ConceptRow> rows, List<ConceptDetail> details, Map<String, List<SuppressionChoice>> sweep,
        boolean complete) {
}
