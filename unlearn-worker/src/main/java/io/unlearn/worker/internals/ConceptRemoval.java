package io.unlearn.worker.internals;

import io.unlearn.events.ModelVersion;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.ProgressListener;
import java.util.List;
import java.util.Set;

/**
 * What the worker loop asks of the engine for concepts: a SUPPRESSED version for a new concept, or the derivation of
 * lapsed suppressions on new weights. {@link ConceptRunner} in the service; a stub in the loop's unit tests.
 */
public interface ConceptRemoval {

    /** A new concept on the head next to the {@code inherited} suppressions. */
    BatchOutcome suppress(ModelVersion head, List<SuppressionConfig> inherited, ConceptDefinition concept, String requestId,
                          Set<String> forgotten, ProgressListener progress);

    /** After the weights changed: every concept of {@code previous} derived again on the head's weights. */
    BatchOutcome rederive(ModelVersion head, List<SuppressionConfig> previous, Set<String> forgotten, ProgressListener progress);
}
