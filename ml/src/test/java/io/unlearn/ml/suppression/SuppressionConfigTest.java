package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SaeFixtures;
import io.unlearn.ml.sae.SaeIdentity;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionConfigTest {

    private static final String OTHER_VERSION = "ab".repeat(32);

    private static SuppressionConfig config(Classifier model, SparseAutoencoder sae, int featureId, Double clamp) {
        return new SuppressionConfig("sneaker", List.of("Sneaker"), sae.identity().layer(), "file:/tmp/sae/",
                sae.sha256(), sae.latents(), -0.5, List.of(new SuppressedFeature(featureId, 0.12, -0.5)),
                model.sha256(), clamp, true);
    }

    @Test
    void roundTripsThroughJson() {
        SuppressionConfig c = config(SaeFixtures.model(), SaeFixtures.sae(), 7, null);
        assertEquals(c, SuppressionConfig.fromJson(c.toJson()));
        SuppressionConfig clamped = config(SaeFixtures.model(), SaeFixtures.sae(), 3, -1.0);
        assertEquals(clamped, SuppressionConfig.fromJson(clamped.toJson()));
        assertTrue(c.toJson().contains("\"saeSha256\""), c.toJson());
    }

    @Test
    void builderListsEveryMissingField() {
        UnlearnException e = assertThrows(UnlearnException.class, () -> SuppressionConfig.builder()
                .setConceptName("footwear").setDictionarySize(0).build());
        assertTrue(e.getMessage().contains("layer is missing") && e.getMessage().contains("saeSha256 'null'")
                && e.getMessage().contains("dictionarySize must be positive") && e.getMessage().contains("features is"
                + " empty"), e.getMessage());
        SuppressionConfig c = config(SaeFixtures.model(), SaeFixtures.sae(), 7, null);
        assertEquals(c, SuppressionConfig.builder().setConceptName(c.conceptName()).optConceptLabels(c.conceptLabels())
                .setLayer(c.layer()).optSaeArtifactUri(c.saeArtifactUri()).setSaeSha256(c.saeSha256())
                .setDictionarySize(c.dictionarySize()).setFeatures(c.features()).setModelVersion(c.modelVersion())
                .build());
    }

    @Test
    void refusesUnknownFeatureIdsAlsoFromJson() {
        SparseAutoencoder sae = SaeFixtures.sae();
        UnlearnException e = assertThrows(UnlearnException.class,
                () -> config(SaeFixtures.model(), sae, sae.latents(), null));
        assertTrue(e.getMessage().contains("unknown feature id " + sae.latents()), e.getMessage());
        String json = config(SaeFixtures.model(), sae, 1, null).toJson().replace("\"index\":1", "\"index\":-4");
        e = assertThrows(UnlearnException.class, () -> SuppressionConfig.fromJson(json));
        assertTrue(e.getMessage().contains("unknown feature id -4"), e.getMessage());
        assertThrows(UnlearnException.class, () -> SuppressionConfig.fromJson("{\"layer\": 3"));
    }

    @Test
    void refusesAnSaeOfAnotherModelVersion() {
        Classifier model = SaeFixtures.model();
        SaeIdentity foreign = new SaeIdentity(ModelLayer.PENULTIMATE, OTHER_VERSION, 64, 256, SaeFixtures.topK());
        try (SparseAutoencoder sae = SparseAutoencoder.initialise(foreign, new float[64], TestData.cpu())) {
            UnlearnException e = assertThrows(UnlearnException.class,
                    () -> SuppressedModel.of(model, List.of(config(model, sae, 1, null)), List.of(sae)));
            assertTrue(e.getMessage().contains("was trained on model version " + OTHER_VERSION), e.getMessage());
        }
    }

    @Test
    void refusesAConfigForAnotherModelVersionOrAMissingSae() {
        Classifier model = SaeFixtures.model();
        SparseAutoencoder sae = SaeFixtures.sae();
        SuppressionConfig good = config(model, sae, 1, null);
        SuppressionConfig otherModel = new SuppressionConfig(good.conceptName(), good.conceptLabels(), good.layer(),
                good.saeArtifactUri(), good.saeSha256(), good.dictionarySize(), good.defaultScale(), good.features(),
                OTHER_VERSION, null, true);
        UnlearnException e = assertThrows(UnlearnException.class,
                () -> SuppressedModel.of(model, List.of(otherModel), List.of(sae)));
        assertTrue(e.getMessage().contains("targets model version " + OTHER_VERSION), e.getMessage());
        e = assertThrows(UnlearnException.class, () -> SuppressedModel.of(model, List.of(good), List.of()));
        assertTrue(e.getMessage().contains("was not given"), e.getMessage());
    }

    @Test
    void refusesALayerMismatch() {
        Classifier model = SaeFixtures.model();
        // the MLP's encoder is flatten (0), linear (1), ReLU (2): encoder.1 is the pre-ReLU layer, also 64 wide
        SaeIdentity preRelu = new SaeIdentity("encoder.1", model.sha256(), 64, 256, SaeFixtures.topK());
        try (SparseAutoencoder sae = SparseAutoencoder.initialise(preRelu, new float[64], TestData.cpu())) {
            SuppressionConfig c = new SuppressionConfig("x", List.of(), ModelLayer.PENULTIMATE, "", sae.sha256(), 256,
                    -0.5, List.of(new SuppressedFeature(2, 0, -0.5)), model.sha256(), null, true);
            UnlearnException e = assertThrows(UnlearnException.class,
                    () -> SuppressedModel.of(model, List.of(c), List.of(sae)));
            assertTrue(e.getMessage().contains("layer mismatch"), e.getMessage());
            SuppressionConfig unknownLayer = new SuppressionConfig("x", List.of(), "encoder.9", "", sae.sha256(), 256,
                    -0.5, List.of(new SuppressedFeature(2, 0, -0.5)), model.sha256(), null, true);
            e = assertThrows(UnlearnException.class, () -> SuppressedModel.of(model, List.of(unknownLayer),
                    List.of(sae)));
            assertTrue(e.getMessage().contains("unknown layer 'encoder.9'"), e.getMessage());
        }
    }

    @Test
    void refusesADictionarySizeThatIsNotTheSaes() {
        Classifier model = SaeFixtures.model();
        SparseAutoencoder sae = SaeFixtures.sae();
        SuppressionConfig c = new SuppressionConfig("x", List.of(), ModelLayer.PENULTIMATE, "", sae.sha256(), 512,
                -0.5, List.of(new SuppressedFeature(300, 0, -0.5)), model.sha256(), null, true);
        UnlearnException e = assertThrows(UnlearnException.class,
                () -> SuppressedModel.of(model, List.of(c), List.of(sae)));
        assertTrue(e.getMessage().contains("assumes 512 latents"), e.getMessage());
    }
}
