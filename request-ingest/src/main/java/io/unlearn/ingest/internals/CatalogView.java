package io.unlearn.ingest.internals;

import java.util.List;
import java.util.Optional;

/** What validation may look up: the sample catalogue, forgotten samples and known models. */
public interface CatalogView {
    /** Whether the catalogue holds this sample id. */
    boolean sampleExists(String sampleId);

    /** The sample ids owned by {@code subjectId}, sorted; empty when the subject is unknown. */
    List<String> samplesOf(String subjectId);

    /** Whether some catalogued sample carries this class label. */
    boolean labelExists(String label);

    /** The version of {@code modelId} that forgot {@code sampleId}, if one has. */
    Optional<String> forgottenBy(String modelId, String sampleId);

    /** Whether any version of {@code modelId} has been published. */
    boolean modelExists(String modelId);
}
