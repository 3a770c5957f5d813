package io.unlearn.evaluator.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.SuppressedFeature;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.UnlearnException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionMappingTest {
    private static final String SAE = "a".repeat(64);
    private static final String MODEL = "b".repeat(64);

    private static SuppressionConfig.Builder avro() {
        return SuppressionConfig.newBuilder().setConceptName("footwear").setConceptLabels(List.of("Sandal", "Sneaker")).setLayer("penultimate")
                .setSaeArtifactUri("file:/sae/" + SAE + "/").setSaeSha256(SAE).setDictionarySize(16).setDefaultScale(-0.5)
                .setFeatures(List.of(new SuppressedFeature(3, 0.9, -0.5, 0.25), new SuppressedFeature(7, 0.4, -1.0, null)))
                .setModelSha256(MODEL).setClampValue(0.0).setKeepErrorTerm(false);
    }

    @Test
    void everyFieldReachesTheEngineConfig() {
        io.unlearn.ml.suppression.SuppressionConfig c = SuppressionMapping.toEngine(avro().build(), "c".repeat(64));
        assertThat(c.conceptName()).isEqualTo("footwear");
        assertThat(c.conceptLabels()).containsExactly("Sandal", "Sneaker");
        assertThat(c.saeSha256()).isEqualTo(SAE);
        assertThat(c.modelVersion()).as("modelSha256 wins over the version's artifact").isEqualTo(MODEL);
        assertThat(c.clampValue()).isEqualTo(0.0);
        assertThat(c.keepErrorTerm()).isFalse();
        assertThat(c.features()).extracting(io.unlearn.ml.suppression.SuppressedFeature::index).containsExactly(3, 7);
        assertThat(c.features().get(1).scale()).isEqualTo(-1.0);
        assertThat(c.features().get(0).threshold()).as("a TopK feature's gate").isEqualTo(0.25);
        assertThat(c.features().get(1).threshold()).isNull();
    }

    @Test
    void recordsWithoutModelSha256FallBackToTheVersionsArtifactAndBadConfigsAreRefused() {
        assertThat(SuppressionMapping.toEngine(avro().setModelSha256(null).build(), MODEL).modelVersion()).isEqualTo(MODEL);
        assertThatThrownBy(() -> SuppressionMapping.toEngine(avro().setFeatures(List.of(new SuppressedFeature(99, 1.0, -0.5, null))).build(), MODEL))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("unknown feature id 99");
    }

    @Test
    void olderRecordsWithOnlyTheSingleSuppressionStillCount() {
        var v = EvaluatorStateTest.version(2, ModelVersionKind.SUPPRESSED);
        assertThat(SuppressionMapping.active(v)).isEmpty();
        v.setSuppression(avro().build());
        assertThat(SuppressionMapping.active(v)).hasSize(1);
        v.setActiveSuppressions(List.of(avro().build(), avro().setConceptName("trousers").build()));
        assertThat(SuppressionMapping.active(v)).extracting(SuppressionConfig::getConceptName).containsExactly("footwear", "trousers");
    }
}
