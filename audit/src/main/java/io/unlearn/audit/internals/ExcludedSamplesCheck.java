package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.schemas.Digests;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * No forgotten sample is trained on again: each version's {@code excludedSamplesDigest} equals
 * {@link Digests#forgetSetDigest} of every sample forgotten by the version and its ancestors, as the
 * ForgottenSample records on unlearn.catalog.forgotten (published in the same transaction as the version
 * that forgot them) tell. A null digest is right only when that lineage forgot nothing. Caveat: the topic
 * is compacted by modelId|sampleId, so should one model forget a sample twice, only the later record
 * survives compaction and an earlier version's recomputed set would miss it; that happens by design when an escalation
 * forgets a superseded version's samples again, so for a superseded version a mismatch is a warning.
 */
public final class ExcludedSamplesCheck extends AuditCheck {
    public ExcludedSamplesCheck() {
        super("excluded-samples", "each version's excludedSamplesDigest covers every sample its lineage forgot");
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        Map<String, Set<String>> forgottenBy = new HashMap<>();
        for (ForgottenSample f : log.forgotten()) {
            forgottenBy.computeIfAbsent(f.getVersionId(), v -> new TreeSet<>()).add(f.getSampleId());
        }
        Supersessions supersessions = new Supersessions(log);
        VersionIndex index = supersessions.versions();
        for (ModelVersion v : log.versions()) {
            Set<String> excluded = new TreeSet<>();
            index.lineage(v.getVersionId()).forEach(a -> excluded.addAll(forgottenBy.getOrDefault(a.getVersionId(), Set.of())));
            String recorded = v.getExcludedSamplesDigest();
            if (excluded.isEmpty()) {
                if (recorded == null || recorded.equals(Digests.forgetSetDigest(excluded))) {
                    result.pass();
                } else {
                    result.fail(v.getVersionId(), "excludedSamplesDigest " + LineageCheck.abbrev(recorded)
                            + " claims excluded samples, but neither it nor its ancestors forgot any");
                }
            } else if (recorded == null) {
                result.fail(v.getVersionId(), "excludedSamplesDigest is null although it and its ancestors forgot " + excluded.size()
                        + " sample(s): nothing proves they were kept out of its data");
            } else if (!recorded.equals(Digests.forgetSetDigest(excluded)) && supersessions.supersededBy(v.getVersionId()).isPresent()) {
                result.warn(v.getVersionId(), "excluded-samples digest does not recompute, but " + v.getVersionId() + " was superseded by "
                        + supersessions.supersededBy(v.getVersionId()).get().getVersionId() + ", which forgot its samples again: "
                        + "compaction keeps only that later record of each sample");
                result.pass();
            } else if (!recorded.equals(Digests.forgetSetDigest(excluded))) {
                result.fail(v.getVersionId(), "excluded-samples digest mismatch: the version records " + LineageCheck.abbrev(recorded)
                        + ", but the " + excluded.size() + " sample(s) forgotten by it and its ancestors digest to "
                        + LineageCheck.abbrev(Digests.forgetSetDigest(excluded)) + ": a forgotten sample may have been trained on again");
            } else {
                result.pass();
            }
        }
    }
}
