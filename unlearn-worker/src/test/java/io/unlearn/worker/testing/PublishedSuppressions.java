package io.unlearn.worker.testing;

import ai.djl.Device;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.TestData;
import io.unlearn.ml.artifact.ArtifactResolver;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.ConceptAccuracy;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.ml.suppression.SuppressedFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a published SUPPRESSED version does to one concept, measured by a test from the version's artifacts alone: the
 * model and SAEs it names are loaded (hash-checked), every suppression in force is applied with the engine's
 * {@code SuppressedModel}, and the concept's accuracy is counted on the evaluation split ({@link ConceptAccuracy}). ITs use
 * it to check what the worker chose or the evaluator reported, instead of trusting either one's own figures. Shared with
 * the evaluator's tests through this module's test jar.
 */
public final class PublishedSuppressions {

    private PublishedSuppressions() {
    }

    /**
     * @param v a SUPPRESSED version
     * @param datasetLimit the {@code dataset.limit} the services ran with (the slice whose test split is halved)
     * @param labels the concept's class names
     * @return the concept's accuracy on the evaluation split without and with every active suppression
     */
    public static ConceptAccuracy.Measured measure(ModelVersion v, int datasetLimit, List<String> labels) {
        return measure(v, datasetLimit, labels, ConceptSplits::evaluation);
    }

    /**
     * @param split which part of the slice to count on, e.g. {@code ConceptSplits::calibration}
     * @return the same on that part
     */
    public static ConceptAccuracy.Measured measure(ModelVersion v, int datasetLimit, List<String> labels,
            Function<UnlearnDataset, DataView> split) {
        List<SparseAutoencoder> saes = new ArrayList<>();
        try (Classifier model = ArtifactResolver.loadModel(v.getArtifactUri(), v.getArtifactSha256(), Device.cpu())) {
            for (SuppressionConfig c : v.getActiveSuppressions()) {
                saes.add(ArtifactResolver.loadSae(c.getSaeArtifactUri(), c.getSaeSha256(), Device.cpu()));
            }
            return ConceptAccuracy.on(split.apply(TestData.fashionMnist().limitedTo(datasetLimit)), model,
                    v.getActiveSuppressions().stream().map(PublishedSuppressions::engine).toList(), saes, labels);
        } finally {
            saes.forEach(SparseAutoencoder::close);
        }
    }

    /** The Avro record as the engine's config, field for field (written here, not borrowed from a service). */
    static io.unlearn.ml.suppression.SuppressionConfig engine(SuppressionConfig c) {
        return new io.unlearn.ml.suppression.SuppressionConfig(c.getConceptName(), c.getConceptLabels(), c.getLayer(), c.getSaeArtifactUri(),
                c.getSaeSha256(), c.getDictionarySize(), c.getDefaultScale(), c.getFeatures().stream()
                .map(f -> new SuppressedFeature(f.getIndex(), f.getScore(), f.getScale(), f.getThreshold())).toList(), c.getModelSha256(), c.getClampValue(),
                c.getKeepErrorTerm());
    }
}
