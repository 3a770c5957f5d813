package io.unlearn.evaluator.internals;

import static io.unlearn.evaluator.MetricKeys.CONCEPT_ACC;
import static io.unlearn.evaluator.MetricKeys.CONCEPT_ACC_BEFORE;
import static io.unlearn.evaluator.MetricKeys.CONCEPT_EVALUATION_SAMPLES;
import static io.unlearn.evaluator.internals.SuppressedVersions.DATA;
import static io.unlearn.evaluator.internals.SuppressedVersions.FOOTWEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.Verdict;
import io.unlearn.ml.TestData;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.ConceptAccuracy;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.ml.suppression.SuppressionConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator's SUPPRESSED path on a small real model (no broker): {@link VersionEvaluator} measures the version with
 * {@link SuppressionMeasurement} and judges it with the default policy. The concept accuracy is recomputed here, from the
 * stored artifacts and the evaluation split, without the evaluator's code.
 */
class SuppressionVerdictTest {
    @TempDir
    static Path dir;
    private static SuppressedVersions versions;
    private static ArtifactLoader loader;
    private static VersionEvaluator evaluator;
    private static EvaluationReport calibratedReport;

    @BeforeAll
    static void buildVersionsAndEvaluator() {
        versions = new SuppressedVersions(dir);
        loader = new ArtifactLoader(TestData.cpu());
        evaluator = new VersionEvaluator(TestData.fashionMnist(), DATA, loader, EvaluationPolicy.ofDefaults(),
                new SuppressionMeasurement(io.unlearn.ml.data.NamedDataset.of(DATA), loader, 100, 0.03), 1, 500, 500, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        calibratedReport = evaluator.evaluate(versions.version(versions.calibrated()), new EvaluatorState());
    }

    @Test
    void aSuppressionThatRemovesTheConceptIsCertified() {
        EvaluationReport r = calibratedReport;
        assertThat(r.getVerdict()).as("failing: %s, metrics: %s", r.getFailingCriteria(), r.getMetrics()).isEqualTo(Verdict.CERTIFIED);
        assertThat(r.getMetrics().get(CONCEPT_ACC)).as("concept accuracy recomputed on the evaluation split")
                .isCloseTo(footwear(versions.calibrated()).after(), within(1e-9)).isLessThanOrEqualTo(10.0);
    }

    @Test
    void aSuppressionThatChangesNothingIsRejectedForTheConceptAccuracy() {
        EvaluationReport r = evaluator.evaluate(versions.version(versions.identity()), new EvaluatorState());
        assertThat(r.getVerdict()).isEqualTo(Verdict.REJECTED);
        assertThat(r.getFailingCriteria()).anySatisfy(line -> assertThat(line).startsWith("concept.accuracy ")
                .contains("> 10.00 (the concept is still recognised)"));
        assertThat(r.getMetrics().get(CONCEPT_ACC)).isCloseTo(footwear(versions.identity()).after(), within(1e-9))
                .isEqualTo(r.getMetrics().get(CONCEPT_ACC_BEFORE));
    }

    @Test
    void theConceptIsMeasuredOnTheEvaluationSplitOnlyNeverOnTheCalibrationHalf() {
        EvaluationReport r = calibratedReport;
        ConceptAccuracy.Measured footwear = footwear(versions.calibrated());
        assertThat(r.getMetrics()).containsEntry(CONCEPT_EVALUATION_SAMPLES, (double) ConceptSplits.evaluation(DATA).size())
                .containsEntry("concept.footwear.samples", (double) footwear.samples());
        assertThat(r.getMetrics().get(CONCEPT_ACC_BEFORE)).isCloseTo(footwear.before(), within(1e-9));
    }

    /** Footwear on the evaluation split, recomputed from the stored model and SAE with {@code config} applied. */
    private static ConceptAccuracy.Measured footwear(SuppressionConfig config) {
        try (Classifier model = versions.model(); SparseAutoencoder sae = loader.sae(config.saeArtifactUri(), config.saeSha256())) {
            return ConceptAccuracy.onEvaluationSplit(model, List.of(config), List.of(sae), DATA, FOOTWEAR);
        }
    }
}
