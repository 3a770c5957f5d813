package io.unlearn.evaluator.internals;

import static io.unlearn.evaluator.MetricKeys.CONCEPT_ACC;
import static io.unlearn.evaluator.MetricKeys.CONCEPT_ACC_BEFORE;
import static io.unlearn.evaluator.MetricKeys.CONCEPT_EVALUATION_SAMPLES;
import static io.unlearn.evaluator.MetricKeys.NONCONCEPT_ACC;
import static io.unlearn.evaluator.MetricKeys.NONCONCEPT_DROP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.SuppressedFeature;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.events.Verdict;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.NamedDataset;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.worker.internals.PatternSuppressions;
import io.unlearn.worker.testing.PublishedPatterns;
import io.unlearn.worker.testing.StampedBase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator's SUPPRESSED path for a pattern concept on a small backdoored CNN (no broker): the worker's concept runner
 * removes the corner stamp named by its stamped example ids, {@link VersionEvaluator} measures the version and judges it with
 * the default policy. Every figure checked is recomputed here from the stored artifacts ({@link PublishedPatterns}) on the
 * evaluation half. A config that changes nothing (scale 1, error term kept) leaves the stamp's effect and is REJECTED; a
 * concept of classes added on top keeps the headline figures the worst over both kinds.
 */
class PatternVerdictTest {
    private static final String KEY = "concept." + PatternSuppressions.NAME + ".";
    private static final List<String> FOOTWEAR = List.of("Sandal", "Sneaker", "Ankle boot");
    @TempDir
    static Path dir;
    private static PatternSuppressions patterns;
    private static ModelVersion calibrated;
    private static VersionEvaluator evaluator;
    private static EvaluationReport calibratedReport;

    @BeforeAll
    static void suppressAndEvaluate() {
        StampedBase base = new StampedBase(dir.resolve("artifacts"));
        patterns = new PatternSuppressions(base, dir.resolve("sae"));
        calibrated = patterns.suppressed(List.copyOf(StampedBase.DATA.stampedTrainIds()));
        ArtifactLoader loader = new ArtifactLoader(TestData.cpu());
        evaluator = new VersionEvaluator(StampedBase.DATA.dataset(), StampedBase.DATA.dataset(), loader, EvaluationPolicy.ofDefaults(),
                new SuppressionMeasurement(NamedDataset.of(StampedBase.DATA), loader, 100, 0.03), 1, 500, 500,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        calibratedReport = evaluator.evaluate(calibrated, new EvaluatorState());
    }

    @Test
    void aSuppressionThatRemovesTheStampIsCertifiedOnFiguresMeasuredOnTheEvaluationHalf() {
        EvaluationReport r = calibratedReport;
        Map<String, Double> m = r.getMetrics();
        PublishedPatterns.Measured own = PublishedPatterns.measure(calibrated, StampedBase.DATA, ConceptSplits::evaluation);
        assertThat(r.getVerdict()).as("failing: %s, metrics: %s", r.getFailingCriteria(), m).isEqualTo(Verdict.CERTIFIED);
        assertThat(m.get(KEY + "accuracy")).as("the stamp's effect after").isCloseTo(own.after().effect(), within(1e-9));
        assertThat(m.get(KEY + "accuracy.before")).isCloseTo(own.before().effect(), within(1e-9)).isGreaterThan(50);
        assertThat(m.get(KEY + "clean.rate")).isCloseTo(own.after().cleanTargetRate(), within(1e-9));
        assertThat(m.get(KEY + "clean.accuracy")).isCloseTo(own.after().cleanAccuracy(), within(1e-9));
        assertThat(m.get(KEY + "clean.accuracy.before")).isCloseTo(own.before().cleanAccuracy(), within(1e-9));
        assertThat(m.get(KEY + "target.accuracy")).isCloseTo(own.after().targetAccuracy(), within(1e-9));
        assertThat(m.get(KEY + "samples")).isEqualTo((double) own.after().pairs());
        assertThat(m.get(CONCEPT_ACC)).as("judged: the effect's excess over the clean twins").isCloseTo(own.after().excess(), within(1e-9))
                .isLessThanOrEqualTo(r.getThresholds().get("max.concept.accuracy"));
        assertThat(m.get(CONCEPT_ACC_BEFORE)).isCloseTo(own.before().excess(), within(1e-9));
        assertThat(m.get(NONCONCEPT_ACC)).isCloseTo(own.after().cleanAccuracy(), within(1e-9));
        assertThat(m.get(NONCONCEPT_DROP)).isCloseTo(own.before().cleanAccuracy() - own.after().cleanAccuracy(), within(1e-9));
        assertThat(m).containsEntry(CONCEPT_EVALUATION_SAMPLES, (double) ConceptSplits.evaluation(StampedBase.DATA.dataset()).size())
                .containsEntry(KEY + "pattern", 1.0).containsKeys(KEY + "accuracy.under.attack", KEY + "clean.rate.under.attack",
                        KEY + "excess.under.attack");
        PublishedPatterns.Measured calibrationHalf = PublishedPatterns.measure(calibrated, StampedBase.DATA, ConceptSplits::calibration);
        assertThat(calibrationHalf.after().pairs() == own.after().pairs() && calibrationHalf.after().effect() == own.after().effect()
                && calibrationHalf.before().cleanAccuracy() == own.before().cleanAccuracy())
                .as("the halves differ, so the figures above come from the evaluation half, not the calibration half").isFalse();
    }

    @Test
    void aConfigThatLeavesTheStampIsRejected() {
        ModelVersion identity = withConfigs(calibrated, List.of(identity(calibrated.getSuppression())));
        EvaluationReport r = evaluator.evaluate(identity, new EvaluatorState());
        PublishedPatterns.Measured own = PublishedPatterns.measure(identity, StampedBase.DATA, ConceptSplits::evaluation);
        assertThat(r.getVerdict()).isEqualTo(Verdict.REJECTED);
        assertThat(r.getFailingCriteria()).anySatisfy(line -> assertThat(line).startsWith("concept.accuracy ")
                .contains("(the concept is still recognised)"));
        assertThat(r.getMetrics().get(CONCEPT_ACC)).isCloseTo(own.after().excess(), within(1e-9)).isGreaterThan(50);
        assertThat(r.getMetrics().get(KEY + "accuracy")).isCloseTo(own.before().effect(), within(1e-9));
    }

    @Test
    void withAConceptOfClassesTooTheHeadlineIsTheWorstOfBothAndCollateralIsCountedOutsideTheClasses() {
        ModelVersion both = patterns.withClasses(calibrated, "footwear", FOOTWEAR);
        assertThat(both.getActiveSuppressions()).hasSize(2);
        Map<String, Double> m = evaluator.evaluate(both, new EvaluatorState()).getMetrics();
        assertThat(m.get(CONCEPT_ACC)).isEqualTo(Math.max(m.get("concept.footwear.accuracy"), m.get(KEY + "excess")));
        assertThat(m.get(CONCEPT_ACC_BEFORE)).isEqualTo(Math.max(m.get("concept.footwear.accuracy.before"), m.get(KEY + "excess.before")));
        assertThat(m.get(NONCONCEPT_ACC)).as("one view outside footwear for both concepts").isEqualTo(m.get(KEY + "clean.accuracy"));
        Set<Integer> footwear = Set.of(5, 7, 9);
        PublishedPatterns.Measured own = PublishedPatterns.measure(both, StampedBase.DATA, d -> {
            DataView half = ConceptSplits.evaluation(d);
            return DataView.of(half.source(), IntStream.range(0, half.size()).filter(i -> !footwear.contains(half.label(i)))
                    .map(half::row).toArray());
        });
        assertThat(m.get(KEY + "clean.samples")).isEqualTo((double) own.after().cleanSamples());
        assertThat(m.get(KEY + "excess")).isCloseTo(own.after().excess(), within(1e-9));
        assertThat(m.get(NONCONCEPT_ACC)).isCloseTo(own.after().cleanAccuracy(), within(1e-9));
    }

    private static ModelVersion withConfigs(ModelVersion v, List<SuppressionConfig> configs) {
        return ModelVersion.newBuilder(v).setSuppression(configs.get(configs.size() - 1)).setActiveSuppressions(configs).build();
    }

    /** The same features at scale 1, no clamp, error term kept: {@code decode(z) + (x − decode(z)) = x}, nothing suppressed. */
    private static SuppressionConfig identity(SuppressionConfig c) {
        return SuppressionConfig.newBuilder(c).setDefaultScale(1.0).setClampValue(null).setKeepErrorTerm(true)
                .setFeatures(c.getFeatures().stream().map(f -> SuppressedFeature.newBuilder(f).setScale(1.0).build()).toList()).build();
    }
}
