package io.unlearn.worker.internals;

import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what {@link EscalationPlanner} decides, before any new batch of the model is decided: re-applies a
 * rejected lineage's requests on its last certified version with the next method of the ladder and publishes the
 * version (with {@code supersedes} and {@code escalation}), its samples forgotten again under its id and APPLIED for
 * the requests that were ESCALATING — one transaction; or, with no method left, FAILED for the requests still waiting.
 * A re-application the engine cannot finish fails the ESCALATING requests with its reason and is not retried until a
 * restart (the requests are final by then, so a restart only rebuilds when some were not).
 */
public final class Escalations {
    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    private final EscalationPlanner planner;
    private final Unlearning runner;
    private final Clock clock;
    private final Set<String> givenUp = new HashSet<>();

    public Escalations(EscalationPlanner planner, Unlearning runner, Clock clock) {
        this.planner = planner;
        this.runner = runner;
        this.clock = clock;
    }

    /** The method new batches of {@code modelId} use now. */
    String method(String modelId, ModelHeads heads) {
        return planner.method(modelId, heads);
    }

    /**
     * Runs every escalation due for {@code modelId}, oldest rejection first. A request that went ESCALATING from a version
     * already superseded (the evaluator judged it before it read the superseding version) gets no APPLIED from here: the
     * evaluator's verdict on the superseding version, which re-applied it, is its next status (see RequestLifecycle), and an
     * APPLIED sent now could land after that verdict.
     */
    void run(String modelId, ModelHeads heads, BatchPublisher publisher) {
        Optional<Escalation> due;
        while ((due = planner.next(modelId, heads, givenUp)).isPresent()) {
            Escalation e = due.get();
            if (e.method().isEmpty()) {
                log.warn("{}: {}; {} request(s) FAILED", modelId, e.story(), e.toMove().size());
                publish(null, List.of(), moved(e, RequestState.FAILED, e.story(), null), heads, publisher);
                continue; // planned again only when another of its requests starts ESCALATING

            }
            log.info("{}: escalating: {}", modelId, e.story());
            Set<String> forgetSet = new TreeSet<>(e.forgotten().stream().map(ForgottenSample::getSampleId).toList());
            BatchOutcome outcome = runner.reapply(e.parent(), e.method().get(), e.requestIds(), forgetSet, heads.forgottenIn(e.parent()),
                    p -> log.info("{} escalation to {}: {}", modelId, e.method().get(), p));
            if (outcome instanceof BatchOutcome.Published p) {
                ModelVersion v = ModelVersion.newBuilder(heads.numbered(p.version())).setSupersedes(e.affectedIds())
                        .setEscalation(e.story()).build();
                List<ForgottenSample> again = e.forgotten().stream().map(f -> VersionRecords.reforgotten(f, v)).toList();
                publish(v, again, moved(e, RequestState.APPLIED, "re-applied by " + v.getMethod() + " in " + v.getVersionId() + " on "
                        + e.parent().getVersionId() + " after " + e.rejected().getVersionId() + " was REJECTED", v.getVersionId()), heads, publisher);
                log.info("{}: {} ({}) supersedes {}", modelId, v.getVersionId(), v.getMethod(), e.affectedIds());
            } else {
                String why = outcome instanceof BatchOutcome.Failed f ? f.reason() : "nothing to forget";
                publish(null, List.of(), moved(e, RequestState.FAILED, "escalation of " + e.rejected().getVersionId() + " to "
                        + e.method().get() + " failed: " + why, null), heads, publisher);
                givenUp.add(e.rejected().getVersionId());
                log.error("{}: escalation of {} failed ({}); not retried until a restart", modelId, e.rejected().getVersionId(), why);
            }
        }
    }

    /** The next status, {@code state}, of each request the escalation moves. */
    private List<RequestStatus> moved(Escalation e, RequestState state, String reason, String versionId) {
        Instant now = clock.instant();
        return e.toMove().stream().map(last -> VersionRecords.next(last, state, reason, versionId, now)).toList();
    }

    private static void publish(ModelVersion v, List<ForgottenSample> again, List<RequestStatus> moved, ModelHeads heads,
                                BatchPublisher publisher) {
        if (v == null && moved.isEmpty()) {
            return;
        }
        publisher.publishEscalation(v, again, moved);
        if (v != null) {
            heads.onVersion(v);
        }
        again.forEach(heads::onForgotten);
        moved.forEach(heads::onStatus);
    }
}
