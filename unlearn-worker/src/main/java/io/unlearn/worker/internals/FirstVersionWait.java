package io.unlearn.worker.internals;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a batch whose model has no version this worker can see, even after catching up with
 * unlearn.models.versions (ingest saw the model's first version before this worker did, or it is still being
 * trained): the batch waits, up to {@code model.wait.ms} from when the worker first held it, and is re-checked every
 * {@link #RECHECK}; its requests stay pending, so no offset is committed past them. The first time it waits, its
 * requests get a repeated ACCEPTED status whose reason says so (a repeated state is not a lifecycle move); once the
 * bound has passed, the batch FAILS with a reason that says what to do. Pure logic, no Kafka I/O.
 */
public final class FirstVersionWait {
    /** How often a waiting batch is looked at again (after a catch-up). */
    public static final Duration RECHECK = Duration.ofSeconds(2);
    private final Duration bound;

    /** @param bound how long a batch may wait for its model's first version (zero: it fails at once) */
    public FirstVersionWait(Duration bound) {
        this.bound = bound;
    }

    /** What to do with a batch whose model has no visible version. */
    public sealed interface Decision {
    }

    /**
     * Keep the batch pending until {@code recheckAt}.
     *
     * @param announcement the reason of the ACCEPTED status to emit now; null when the batch already said it waits
     */
    public record Wait(Instant recheckAt, String announcement) implements Decision {
    }

    /** Give up: the batch's requests FAIL with {@code reason}. */
    public record Fail(String reason) implements Decision {
    }

    public Decision decide(PendingBatches.Batch batch, Instant now) {
        String model = batch.modelId();
        Instant giveUpAt = batch.startedAt().plus(bound);
        if (!now.isBefore(giveUpAt)) {
            return new Fail("model '" + model + "' has no published version in this cluster"
                    + (bound.isZero() ? "" : " (waited " + bound + ", model.wait.ms)")
                    + "; train one with `unlearn models train --model " + model + "` against the cluster this worker reads, "
                    + "then send the request again");
        }
        Instant recheckAt = now.plus(RECHECK).isBefore(giveUpAt) ? now.plus(RECHECK) : giveUpAt;
        return new Wait(recheckAt, batch.waited() ? null : "waiting for a first version of model '" + model
                + "' on unlearn.models.versions (none visible to the worker yet; `unlearn models train --model " + model
                + "` publishes one); FAILED if none appears by " + giveUpAt + " (model.wait.ms)");
    }
}
