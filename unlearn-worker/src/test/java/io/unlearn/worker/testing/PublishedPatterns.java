package io.unlearn.worker.testing;

import ai.djl.Device;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.artifact.ArtifactResolver;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.StampedDataset;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.suppression.PatternEffect;
import io.unlearn.ml.suppression.SuppressedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a published SUPPRESSED version does to a pattern concept (the corner stamp), measured by a test from the version's
 * artifacts alone: the model and SAEs it names are loaded (hash-checked), every suppression in force is applied with the
 * engine's {@code SuppressedModel}, and {@link PatternEffect} is measured on one part of the stamped dataset's test split,
 * before and after. Tests use it to check what the worker chose or the evaluator reported instead of trusting either's
 * figures. Shared with the evaluator's tests through this module's test jar.
 */
public final class PublishedPatterns {

    /**
     * @param before the stamp's effect and clean accuracy on the version's unsuppressed weights
     * @param after the same with every active suppression applied
     */
    public record Measured(PatternEffect before, PatternEffect after) {
    }

    private PublishedPatterns() {
    }

    /**
     * @param v a SUPPRESSED version
     * @param data the stamped dataset the services ran on, sliced to their {@code dataset.limit}
     * @param split which part of its test split to measure on, e.g. {@code ConceptSplits::evaluation}
     * @return the stamp's effect (stamped non-target images predicted as the target), clean twins' rate and clean accuracy
     */
    public static Measured measure(ModelVersion v, StampedDataset data, Function<UnlearnDataset, DataView> split) {
        PatternConcept stamp = PatternConcept.of(data);
        DataView view = split.apply(data.dataset());
        List<SparseAutoencoder> saes = new ArrayList<>();
        try (Classifier model = ArtifactResolver.loadModel(v.getArtifactUri(), v.getArtifactSha256(), Device.cpu())) {
            for (SuppressionConfig c : v.getActiveSuppressions()) {
                saes.add(ArtifactResolver.loadSae(c.getSaeArtifactUri(), c.getSaeSha256(), Device.cpu()));
            }
            PatternEffect before = stamp.measure(InferenceModel.of(model), view);
            try (SuppressedModel after = SuppressedModel.of(model, v.getActiveSuppressions().stream().map(PublishedSuppressions::engine).toList(),
                    saes)) {
                return new Measured(before, stamp.measure(after, view));
            }
        } finally {
            saes.forEach(SparseAutoencoder::close);
        }
    }
}
