package io.unlearn.evaluator.internals;

import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.SuppressedFeature;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.Checkpoint;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.sae.SaeArtifact;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeSpec;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.Concept;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.ml.suppression.FeatureScores;
import io.unlearn.ml.suppression.FeatureScoring;
import io.unlearn.ml.suppression.SuppressionCalibration;
import io.unlearn.ml.suppression.SuppressionChoice;
import io.unlearn.ml.train.ModelTraining;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Small real SUPPRESSED versions for the evaluator's tests, built as the worker builds them but without a broker: an MLP
 * trained on a Fashion-MNIST slice and stored content-addressed, a TopK SAE on its penultimate layer, footwear's SAUCE
 * scores, and the strength calibrated on {@link ConceptSplits#calibration}. Seeded, so every run builds the same artifacts.
 */
final class SuppressedVersions {
    static final List<String> FOOTWEAR = List.of("Sandal", "Sneaker", "Ankle boot");
    static final UnlearnDataset DATA = TestData.fashionSlice(3000, 1000);
    private static final String SHA = "0".repeat(64);
    private final Checkpoint checkpoint;
    private final SaeArtifact sae;
    private final io.unlearn.ml.suppression.SuppressionConfig calibrated;

    /** Trains and stores the model and its SAE under {@code dir}, then calibrates footwear's suppression. */
    SuppressedVersions(Path dir) {
        ModelSpec spec = TestData.smallMlp(4, 7);
        try (Classifier model = ModelTraining.trainNew(spec, DATA.train(), TestData.cpu(), ProgressListener.NONE).model()) {
            checkpoint = new CheckpointStore(dir.resolve("models")).save(model, ArtifactMetadata.trained(spec));
            SaeStore saes = new SaeStore(dir.resolve("sae"));
            SaeSpec saeSpec = SaeSpec.builder().setKind(SaeKind.TOPK).optExpansion(8).optEpochs(10).optSeed(3).build();
            sae = saes.obtain(model, ModelLayer.PENULTIMATE, saeSpec, DATA.train(), ConceptSplits.calibration(DATA), ProgressListener.NONE);
            try (SparseAutoencoder loaded = saes.load(sae.sha256(), TestData.cpu())) {
                Concept footwear = Concept.ofClasses("footwear", FOOTWEAR, DATA.train().source().classNames());
                FeatureScores scores = FeatureScoring.score(model, loaded, footwear, DATA.train());
                SuppressionChoice best = SuppressionCalibration.calibrate(model, loaded, scores, ConceptSplits.calibration(DATA),
                        footwear.classes(DATA.train()), SuppressionCalibration.grid(List.of(8, 32, 128), List.of(-0.5, -1.0, -2.0),
                        List.of(0.0), true), 2.0).best();
                calibrated = io.unlearn.ml.suppression.SuppressionConfig.of("footwear", FOOTWEAR, loaded, sae.uri(), scores,
                        best.features(), best.scale(), best.clamp(), best.keepErrorTerm());
            }
        }
    }

    /** The calibrated suppression, as the worker would publish it. */
    io.unlearn.ml.suppression.SuppressionConfig calibrated() {
        return calibrated;
    }

    /** The same features at scale 1, no clamp, error term kept: {@code decode(z) + (x − decode(z)) = x}, nothing suppressed. */
    io.unlearn.ml.suppression.SuppressionConfig identity() {
        io.unlearn.ml.suppression.SuppressionConfig c = calibrated;
        return new io.unlearn.ml.suppression.SuppressionConfig(c.conceptName(), c.conceptLabels(), c.layer(), c.saeArtifactUri(),
                c.saeSha256(), c.dictionarySize(), 1.0, c.features().stream()
                .map(f -> new io.unlearn.ml.suppression.SuppressedFeature(f.index(), f.score(), 1.0)).toList(), c.modelVersion(), null, true);
    }

    /** The stored model, loaded as the evaluator loads it. */
    Classifier model() {
        return new ArtifactLoader(TestData.cpu()).model(uri(), checkpoint.sha256());
    }

    /** A SUPPRESSED version of the stored model carrying {@code config}, as the worker publishes it. */
    ModelVersion version(io.unlearn.ml.suppression.SuppressionConfig config) {
        SuppressionConfig avro = avro(config);
        return ModelVersion.newBuilder().setModelId("m").setVersion(2).setVersionId("m@v2").setParentVersionId("m@v1")
                .setKind(ModelVersionKind.SUPPRESSED).setMethod("SAE-suppression").setArtifactUri(uri())
                .setArtifactSha256(checkpoint.sha256()).setSuppression(avro).setActiveSuppressions(List.of(avro))
                .setLineageHash(SHA).setCreatedAt(Instant.EPOCH).build();
    }

    private String uri() {
        return checkpoint.directory().toUri().toString();
    }

    private static SuppressionConfig avro(io.unlearn.ml.suppression.SuppressionConfig c) {
        return SuppressionConfig.newBuilder().setConceptName(c.conceptName()).setConceptLabels(c.conceptLabels()).setLayer(c.layer())
                .setSaeArtifactUri(c.saeArtifactUri()).setSaeSha256(c.saeSha256()).setDictionarySize(c.dictionarySize())
                .setDefaultScale(c.defaultScale()).setFeatures(c.features().stream().map(f -> SuppressedFeature.newBuilder()
                        .setIndex(f.index()).setScore(f.score()).setScale(f.scale()).build()).toList())
                .setModelSha256(c.modelVersion()).setClampValue(c.clampValue()).setKeepErrorTerm(c.keepErrorTerm()).build();
    }
}
