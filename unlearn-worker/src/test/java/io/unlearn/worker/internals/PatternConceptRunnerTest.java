package io.unlearn.worker.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.ModelVersion;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.worker.testing.PublishedPatterns;
import io.unlearn.worker.testing.StampedBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's pattern path on a small backdoored CNN (no broker): a concept whose examples are the stamped training samples
 * of {@code fmnist-stamped} is removed as the stamp, not as the examples' label. The stamp's effect and the target class's
 * clean accuracy are measured here from the stored artifacts (not the worker's figures): under the label rule the examples
 * would stand for Trouser and the worker would suppress Trouser itself, which the target-class check catches.
 */
class PatternConceptRunnerTest {
    @TempDir
    static Path dir;
    private static StampedBase base;
    private static PatternSuppressions patterns;
    private static List<String> stamped;
    private static ModelVersion suppressed;

    @BeforeAll
    static void suppressTheStamp() {
        base = new StampedBase(dir.resolve("artifacts"));
        patterns = new PatternSuppressions(base, dir.resolve("sae"));
        stamped = List.copyOf(StampedBase.DATA.stampedTrainIds());
        suppressed = patterns.suppressed(stamped);
    }

    @Test
    void theStampIsRemovedAndTheTargetClassKept() {
        PublishedPatterns.Measured m = PublishedPatterns.measure(suppressed, StampedBase.DATA, ConceptSplits::evaluation);
        assertThat(m.before().excess()).as("the base learned the stamp: %s", m.before()).isGreaterThan(50);
        assertThat(m.after().excess()).as("the stamp's effect on the evaluation half, measured here: %s -> %s", m.before(), m.after())
                .isLessThan(m.before().excess() / 4);
        assertThat(m.after().targetAccuracy()).as("Trouser, the examples' label, is not what was removed: %s -> %s", m.before(), m.after())
                .isGreaterThan(m.before().targetAccuracy() - 5);
        assertThat(m.after().cleanAccuracy()).as("clean accuracy holds: %s -> %s", m.before(), m.after())
                .isGreaterThan(m.before().cleanAccuracy() - 3);
    }

    @Test
    void theVersionRecordsThePatternAndWhatCalibrationChoseOnTheCalibrationHalf() {
        SuppressionConfig c = suppressed.getSuppression();
        assertThat(c.getConceptLabels()).isEmpty();
        assertThat(c.getExampleSampleIds()).containsExactlyInAnyOrderElementsOf(stamped);
        PublishedPatterns.Measured calibration = PublishedPatterns.measure(suppressed, StampedBase.DATA, ConceptSplits::calibration);
        assertThat(suppressed.getHyperparameters()).containsEntry("corner-stamp.kind", "pattern")
                .containsEntry("corner-stamp.calibration_concept_acc", String.format(Locale.ROOT, "%.1f -> %.1f",
                        calibration.before().effect(), calibration.after().effect()))
                .containsEntry("corner-stamp.calibration_other_acc", String.format(Locale.ROOT, "%.1f -> %.1f",
                        calibration.before().cleanAccuracy(), calibration.after().cleanAccuracy()));
    }

    @Test
    void aPatternIsDerivedAgainFromTheRecordedExamples() {
        ModelVersion again = PatternSuppressions.published(patterns.runner().rederive(base.version(), List.of(suppressed.getSuppression()), Set.of(), ProgressListener.NONE));
        assertThat(again.getSuppression()).as("a re-derivation adds no concept of its own").isNull();
        assertThat(again.getActiveSuppressions()).singleElement().satisfies(c -> {
            assertThat(c.getExampleSampleIds()).containsExactlyInAnyOrderElementsOf(stamped);
            assertThat(c.getConceptLabels()).isEmpty();
        });
        assertThat(again.getHyperparameters()).containsEntry("corner-stamp.kind", "pattern");
        PublishedPatterns.Measured m = PublishedPatterns.measure(again, StampedBase.DATA, ConceptSplits::evaluation);
        assertThat(m.after().excess()).as("%s -> %s", m.before(), m.after()).isLessThan(m.before().excess() / 4);
    }

    @Test
    void examplesMixingStampedAndCleanSamplesFailWithTheReason() {
        List<String> mixed = new ArrayList<>(stamped.subList(0, 3));
        mixed.add(StampedBase.DATA.dataset().train().id(0).endsWith("-stamped") ? StampedBase.DATA.dataset().train().id(1)
                : StampedBase.DATA.dataset().train().id(0));
        BatchOutcome outcome = patterns.suppress(mixed, "mixed-request");
        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Failed.class, f -> assertThat(f.reason())
                .contains("mixes 3 stamped example(s)").contains("1 clean one(s)").contains("send one request for each"));
    }
}
