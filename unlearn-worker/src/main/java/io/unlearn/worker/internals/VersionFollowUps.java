package io.unlearn.worker.internals;

import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.SuppressionConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versions the worker publishes on its own, each in a transaction of its own and applying no request:
 * exact consolidation (a RETRAINED version every N applied requests or after T since the last exact version), and
 * the re-derivation of concept suppressions after the weights changed (their SAE and features belong to the old
 * weights). Both are checked again after every state load, so a crash between a version and its follow-up only
 * delays the follow-up.
 */
public final class VersionFollowUps {
    private static final Logger log = LoggerFactory.getLogger(VersionFollowUps.class);
    private final Unlearning runner;
    private final ConceptRemoval concepts;
    private final int consolidateEveryRequests;
    private final Duration consolidateEvery;
    /** Follow-ups that failed on a head ("kind|versionId"): not retried until the head changes (a new version or a restart). */
    private final java.util.Set<String> failedOn = new java.util.HashSet<>();

    /**
     * @param consolidateEveryRequests consolidate after this many applied requests (0 = never)
     * @param consolidateEvery         ... or once this long passed since the last exact version (zero = never)
     */
    public VersionFollowUps(Unlearning runner, ConceptRemoval concepts, int consolidateEveryRequests, Duration consolidateEvery) {
        this.runner = runner;
        this.concepts = concepts;
        this.consolidateEveryRequests = consolidateEveryRequests;
        this.consolidateEvery = consolidateEvery;
    }

    /** Runs what is due for {@code modelId}; each new version goes to {@code publish}, then into {@code heads}. */
    void run(String modelId, ModelHeads heads, Instant now, Consumer<ModelVersion> publish) {
        if (consolidationDue(modelId, heads, now) && !failedOn.contains("consolidation|" + headId(modelId, heads))) {
            ModelVersion head = heads.head(modelId).orElseThrow();
            log.info("{}: {} request(s) applied since the last exact version; consolidating by retraining from scratch", modelId,
                    heads.appliedSinceRetrain(modelId));
            publishOrLog(runner.consolidate(head, heads.forgotten(modelId), e -> log.info("{} consolidation: {}", modelId, e)),
                    heads, publish, modelId, "consolidation|" + head.getVersionId());
        }
        List<SuppressionConfig> lapsed = lapsedSuppressions(modelId, heads);
        if (!lapsed.isEmpty() && !failedOn.contains("suppression|" + headId(modelId, heads))) {
            ModelVersion head = heads.head(modelId).orElseThrow();
            log.info("{}: weights changed in {}; deriving its {} concept suppression(s) again", modelId, head.getVersionId(), lapsed.size());
            publishOrLog(concepts.rederive(head, lapsed, heads.forgotten(modelId), e -> log.info("{} re-suppression: {}", modelId, e)),
                    heads, publish, modelId, "suppression|" + head.getVersionId());
        }
    }

    boolean consolidationDue(String modelId, ModelHeads heads, Instant now) {
        if (heads.appliedSinceRetrain(modelId) == 0 || heads.head(modelId).isEmpty()) {
            return false;
        }
        boolean byCount = consolidateEveryRequests > 0 && heads.appliedSinceRetrain(modelId) >= consolidateEveryRequests;
        boolean byTime = !consolidateEvery.isZero() && heads.lastExactAt(modelId)
                .map(t -> !now.isBefore(t.plus(consolidateEvery))).orElse(false);
        return byCount || byTime;
    }

    /** The suppressions the model should carry when the head changed weights (UNLEARNED, RETRAINED) and so lost them. */
    static List<SuppressionConfig> lapsedSuppressions(String modelId, ModelHeads heads) {
        ModelVersion head = heads.head(modelId).orElse(null);
        if (head == null || (head.getKind() != ModelVersionKind.UNLEARNED && head.getKind() != ModelVersionKind.RETRAINED)) {
            return List.of();
        }
        return heads.inheritedSuppressions(modelId);
    }

    private static String headId(String modelId, ModelHeads heads) {
        return heads.head(modelId).map(ModelVersion::getVersionId).orElse("");
    }

    private void publishOrLog(BatchOutcome outcome, ModelHeads heads, Consumer<ModelVersion> publish, String modelId, String what) {
        if (outcome instanceof BatchOutcome.Published p) {
            ModelVersion v = heads.numbered(p.version());
            publish.accept(v);
            heads.onVersion(v);
            log.info("{}: published {} ({})", modelId, v.getVersionId(), v.getKind());
        } else if (outcome instanceof BatchOutcome.Failed f) {
            failedOn.add(what);
            log.error("{}: {} (not retried on this head; a restart retries it)", modelId, f.reason());
        }
    }
}
