package io.unlearn.worker.internals;

import ai.djl.Device;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TrainingLock;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.unlearn.UnlearningMethod;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import io.unlearn.schemas.Digests;
import io.unlearn.worker.ArtifactStore;
import io.unlearn.worker.WorkerException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one deletion batch: loads the head version (sha256 checked), runs the method the ladder names on the
 * union forget set with every sample ever forgotten excluded from the retain set, stores the new artifact
 * and describes the new version. Deterministic: the seed derives from the model, the parent version and
 * the sorted request ids, so redoing a batch after a crash yields the same artifact.
 */
public final class BatchRunner implements Unlearning {
    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
    private final UnlearnDataset dataset;
    private final ArtifactStore artifacts;
    private final String configured;
    private final Map<String, Number> overrides;
    private final long baseSeed;
    private final Device device;
    private final Clock clock;

    /**
     * @param configured the worker's {@code method}: the {@code method.*} {@code overrides} apply to it only; every other
     *                   method of the escalation ladder runs at its defaults
     */
    public BatchRunner(UnlearnDataset dataset, ArtifactStore artifacts, String configured, Map<String, Number> overrides,
                       long baseSeed, Device device, Clock clock) {
        this.dataset = dataset;
        this.artifacts = artifacts;
        this.configured = UnlearningMethods.byName(configured).name();
        this.overrides = overrides;
        this.baseSeed = baseSeed;
        this.device = device;
        this.clock = clock;
    }

    @Override
    public BatchOutcome apply(ModelVersion head, String method, List<AcceptedRequest> requests, Set<String> alreadyForgotten,
                              ProgressListener progress) {
        TreeSet<String> union = requests.stream().flatMap(r -> r.getSampleIds().stream())
                .filter(id -> !alreadyForgotten.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        if (union.isEmpty()) {
            return new BatchOutcome.AlreadyForgotten(head.getVersionId());
        }
        return run(head, method, requests.stream().map(AcceptedRequest::getRequestId).sorted().toList(), union, alreadyForgotten, progress);
    }

    @Override
    public BatchOutcome reapply(ModelVersion parent, String method, List<String> requestIds, Set<String> forgetSet,
                                Set<String> alreadyForgotten, ProgressListener progress) {
        return run(parent, method, requestIds.stream().sorted().toList(), new TreeSet<>(forgetSet), alreadyForgotten, progress);
    }

    private BatchOutcome run(ModelVersion head, String methodName, List<String> requestIds, TreeSet<String> union,
                             Set<String> alreadyForgotten, ProgressListener progress) {
        UnlearningMethod method = UnlearningMethods.byName(methodName);
        Set<String> excluded = new TreeSet<>(alreadyForgotten);
        excluded.addAll(union);
        List<String> retain = dataset.train().ids().stream().filter(id -> !excluded.contains(id)).toList();
        long seed = seedOf(head, requestIds);
        long started = System.nanoTime();
        try (Classifier original = artifacts.load(head.getArtifactUri(), head.getArtifactSha256(), device)) {
            UnlearningTask task = UnlearningTask.builder().setModel(original).setDataset(dataset).setForgetIds(union)
                    .optRetainIds(retain).optHyperparameters(method.name().equals(configured) ? overrides : Map.of()).optSeed(seed).build();
            try (UnlearningResult result = TrainingLock.exclusively(() -> method.unlearn(task, progress))) {
                if (!result.report().lastLosses().values().stream().allMatch(Double::isFinite)) {
                    return new BatchOutcome.Failed(method.name() + " diverged (non-finite loss " + result.report().lastLosses()
                            + "); lower its learning rate (method.lr) and resubmit the requests");
                }
                var nonFinite = FiniteParameters.firstNonFinite(result.model());
                if (nonFinite.isPresent()) {
                    return new BatchOutcome.Failed(method.name() + " diverged: parameter " + nonFinite.get() + " holds NaN or infinite"
                            + " values after the update; lower its learning rate (method.lr) and resubmit the requests");
                }
                Map<String, Object> hp = new TreeMap<>(result.report().hyperparameters());
                ArtifactStore.StoredArtifact stored = artifacts.put(result.model(),
                        new ArtifactMetadata(original.spec(), method.name(), head.getArtifactSha256(), hp));
                long millis = (System.nanoTime() - started) / 1_000_000;
                log.info("{}: {} applied {} requests ({} samples) to {} in {} ms -> {}", head.getModelId(), method.name(),
                        requestIds.size(), union.size(), head.getVersionId(), millis, stored.sha256().substring(0, 12));
                ModelVersion v = VersionRecords.version(head, ModelVersionKind.UNLEARNED, method.name(), hp, stored, requestIds, union,
                        millis, clock.instant());
                v.setExcludedSamplesDigest(Digests.forgetSetDigest(excluded));
                return new BatchOutcome.Published(v, List.copyOf(union));
            }
        } catch (UnlearnException | WorkerException e) {
            return new BatchOutcome.Failed(method.name() + " could not apply the batch to " + head.getVersionId() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Anything else the engine throws (e.g. DJL refusing a setting) is still this batch's failure, not the worker's.
            log.error("{}: {} failed unexpectedly on {}", head.getModelId(), method.name(), head.getVersionId(), e);
            return new BatchOutcome.Failed(method.name() + " failed on " + head.getVersionId() + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); check the method's settings and resubmit the requests");
        }
    }

    /**
     * Exact consolidation: retrains from scratch (the engine's {@code retrain} method) on every training sample
     * the model has not forgotten, as a RETRAINED version that applies no new request.
     */
    @Override
    public BatchOutcome consolidate(ModelVersion head, Set<String> forgotten, ProgressListener progress) {
        UnlearningMethod retrain = UnlearningMethods.byName("retrain");
        long started = System.nanoTime();
        try (Classifier original = artifacts.load(head.getArtifactUri(), head.getArtifactSha256(), device)) {
            UnlearningTask task = UnlearningTask.builder().setModel(original).setDataset(dataset).setForgetIds(forgotten)
                    .optHyperparameters(Map.of()).optSeed(seedOf(head, List.of("consolidation"))).build();
            try (UnlearningResult result = TrainingLock.exclusively(() -> retrain.unlearn(task, progress))) {
                Map<String, Object> hp = new TreeMap<>(result.report().hyperparameters());
                ArtifactStore.StoredArtifact stored = artifacts.put(result.model(),
                        new ArtifactMetadata(original.spec(), retrain.name(), head.getArtifactSha256(), hp));
                ModelVersion v = VersionRecords.version(head, ModelVersionKind.RETRAINED, retrain.name(), hp, stored, List.of(),
                        forgotten, (System.nanoTime() - started) / 1_000_000, clock.instant());
                v.setExcludedSamplesDigest(forgotten.isEmpty() ? null : Digests.forgetSetDigest(forgotten));
                return new BatchOutcome.Published(v, List.of());
            }
        } catch (RuntimeException e) {
            return new BatchOutcome.Failed("consolidation of " + head.getVersionId() + " failed: " + e.getMessage());
        }
    }

    static long seedOf(ModelVersion head, List<String> sortedRequestIds) {
        String digest = Digests.sha256Hex(head.getModelId() + "\n" + head.getVersionId() + "\n" + String.join("\n", sortedRequestIds));
        return Long.parseUnsignedLong(digest.substring(0, 15), 16);
    }
}
