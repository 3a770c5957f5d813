package io.unlearn.worker.internals;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.suppression.Concept;
import java.util.List;
import java.util.TreeSet;

/**
 * A concept to suppress, as a request gives it or as an earlier version's config recorded it (so it can be
 * derived again on new weights: the config keeps the example ids). What examples stand for — an input pattern such as the
 * stamp of {@code fmnist-stamped}, or their classes — is ml's {@code ExampleConcepts} rule, applied by
 * {@link ConceptCalibrator}.
 *
 * @param name the concept's name
 * @param labels its class names (empty when given by examples)
 * @param exampleSampleIds its example samples (empty when given by labels)
 * @param layer the layer the SAE reads
 */
record ConceptDefinition(String name, List<String> labels, List<String> exampleSampleIds, String layer) {

    static ConceptDefinition of(AcceptedRequest r) {
        String layer = r.getLayerHint() == null || r.getLayerHint().isBlank() ? ModelLayer.PENULTIMATE : r.getLayerHint();
        List<String> examples = r.getConceptLabels().isEmpty() ? List.copyOf(new TreeSet<>(r.getSampleIds())) : List.of();
        return new ConceptDefinition(r.getConceptName() == null ? r.getRequestId() : r.getConceptName(),
                List.copyOf(r.getConceptLabels()), examples, layer);
    }

    static ConceptDefinition of(SuppressionConfig c) {
        return new ConceptDefinition(c.getConceptName(), List.copyOf(c.getConceptLabels()), List.copyOf(c.getExampleSampleIds()),
                c.getLayer());
    }

    Concept concept(List<String> classNames) {
        return labels.isEmpty() ? Concept.ofSamples(name, new TreeSet<>(exampleSampleIds)) : Concept.ofClasses(name, labels, classNames);
    }
}
