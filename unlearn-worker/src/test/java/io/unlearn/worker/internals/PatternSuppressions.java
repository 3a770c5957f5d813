package io.unlearn.worker.internals;

import io.unlearn.events.ModelVersion;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.NamedDataset;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.worker.testing.StampedBase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The worker's concept runner on a {@link StampedBase}, for tests of this module and the evaluator's (through the test jar):
 * a concept given by example sample ids, turned into a SUPPRESSED version exactly as the service does it. The SAE is ReLU + L1
 * (a TopK SAE does not separate the stamp from Trouser at this layer; docs/ARCHITECTURE.md), the grid small.
 */
public final class PatternSuppressions {
    /** The concept name the tests use. */
    public static final String NAME = "corner-stamp";

    private final StampedBase base;
    private final ConceptRunner runner;

    /** A runner over {@code base}'s dataset and store, its SAEs under {@code saeDir}. */
    public PatternSuppressions(StampedBase base, Path saeDir) {
        this.base = base;
        ConceptSettings settings = new ConceptSettings(SaeKind.RELU_L1, 4, 8, List.of(4, 8, 16, 32), List.of(-1.0, -2.0), List.of(0.0), 2.0, false, 6);
        runner = new ConceptRunner(NamedDataset.of(StampedBase.DATA), base.store(), new SaeStore(saeDir), settings, TestData.cpu(),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /**
     * @param examples the concept's example sample ids, as a request names them
     * @param requestId the request's id
     * @return what the runner made of it on the base version: Published, or Failed with the reason
     */
    BatchOutcome suppress(List<String> examples, String requestId) {
        return runner.suppress(base.version(), List.of(), new ConceptDefinition(NAME, List.of(), examples, ModelLayer.PENULTIMATE),
                requestId, Set.of(), ProgressListener.NONE);
    }

    /**
     * @param examples the concept's example sample ids
     * @return the SUPPRESSED version the runner publishes for them
     * @throws AssertionError when it fails instead
     */
    public ModelVersion suppressed(List<String> examples) {
        return published(suppress(examples, "stamp-request"));
    }

    /**
     * @param on a SUPPRESSED version of the base
     * @param name a concept of classes to add
     * @param labels its class names
     * @return the SUPPRESSED version adding it next to {@code on}'s suppressions (both in force)
     */
    public ModelVersion withClasses(ModelVersion on, String name, List<String> labels) {
        return published(runner.suppress(base.version(), on.getActiveSuppressions(), new ConceptDefinition(name, labels, List.of(),
                ModelLayer.PENULTIMATE), name + "-request", Set.of(), ProgressListener.NONE));
    }

    /** @return the runner itself, for re-derivations */
    ConceptRunner runner() {
        return runner;
    }

    static ModelVersion published(BatchOutcome outcome) {
        if (outcome instanceof BatchOutcome.Published p) {
            return p.version();
        }
        throw new AssertionError("the concept runner published no version: " + outcome);
    }
}
