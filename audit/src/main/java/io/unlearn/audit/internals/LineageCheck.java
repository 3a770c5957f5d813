package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.schemas.ContractException;
import io.unlearn.schemas.Digests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Each model's versions form one unbroken, untampered chain: numbered 1..n with no gap and no duplicate,
 * version 1 a BASE with no parent, every later version's parent the version numbered one less — or an earlier one when
 * every version between was abandoned (superseded by an escalation, REJECTED, or built on such a version: the worker
 * never builds on those) — and every lineageHash equal to {@link Digests#lineageHash}(parent's recorded lineageHash,
 * artifactSha256, appliedRequestIds) — the hash the worker's VersionRecords writes. A version whose hash does not
 * verify is a forged or altered version event; its children still chain to the hash it should have had.
 */
public final class LineageCheck extends AuditCheck {
    public LineageCheck() {
        super("lineage", "versions numbered 1..n, each parent the previous version (or past abandoned ones), lineage hash chain recomputed");
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        Supersessions s = new Supersessions(log);
        s.versions().byModel().forEach((model, versions) -> checkModel(versions, s, result));
    }

    private static void checkModel(List<ModelVersion> versions, Supersessions s, CheckResultBuilder result) {
        TreeMap<Long, ModelVersion> byNumber = new TreeMap<>();
        for (ModelVersion v : versions) {
            ModelVersion earlier = byNumber.putIfAbsent(v.getVersion(), v);
            if (earlier != null) {
                result.fail(v.getVersionId(), "duplicate version number " + v.getVersion() + " of " + v.getModelId()
                        + ": already published as " + earlier.getVersionId() + " (artifact " + abbrev(earlier.getArtifactSha256())
                        + "), now again (artifact " + abbrev(v.getArtifactSha256()) + ")");
            }
        }
        long expected = 1;
        for (Map.Entry<Long, ModelVersion> e : byNumber.entrySet()) {
            List<String> problems = new ArrayList<>();
            if (e.getKey() != expected) {
                problems.add("version numbers of " + e.getValue().getModelId() + " jump from " + (expected - 1) + " to " + e.getKey()
                        + " (missing " + (expected == e.getKey() - 1 ? expected : expected + ".." + (e.getKey() - 1)) + ")");
            }
            problems.addAll(chain(e.getValue(), byNumber.get(e.getKey() - 1), byNumber, s));
            result.subject(e.getValue().getVersionId(), problems);
            expected = e.getKey() + 1;
        }
    }

    private static List<String> chain(ModelVersion v, ModelVersion previous, TreeMap<Long, ModelVersion> byNumber, Supersessions s) {
        List<String> problems = new ArrayList<>();
        if (v.getVersion() == 1) {
            if (v.getParentVersionId() != null || v.getKind() != ModelVersionKind.BASE) {
                problems.add("version 1 must be a BASE with no parent, but is " + v.getKind() + " with parent " + v.getParentVersionId());
            }
        } else if (previous != null && !Objects.equals(v.getParentVersionId(), previous.getVersionId())) {
            ModelVersion parent = s.versions().get(v.getParentVersionId());
            List<ModelVersion> between = parent == null || parent.getVersion() >= v.getVersion() ? null
                    : List.copyOf(byNumber.subMap(parent.getVersion(), false, v.getVersion(), false).values());
            List<String> live = between == null ? List.of() : between.stream().filter(b -> !s.abandoned(b)).map(ModelVersion::getVersionId).toList();
            if (between == null || !live.isEmpty()) {
                problems.add("parentVersionId is " + v.getParentVersionId() + ", but the previous version is " + previous.getVersionId()
                        + (between == null ? "" : " and " + live + " between them were neither superseded nor REJECTED"));
            }
            previous = parent == null ? previous : parent; // the hash chains to the parent the version names
        }
        String parentHash = v.getVersion() == 1 || previous == null ? null : previous.getLineageHash();
        if (v.getVersion() != 1 && previous == null) {
            return problems; // the gap is reported; there is no parent hash to chain to
        }
        try {
            String recomputed = Digests.lineageHash(parentHash, v.getArtifactSha256(), v.getAppliedRequestIds());
            if (!recomputed.equals(v.getLineageHash())) {
                problems.add("forged or altered version event " + v.getVersionId() + ": lineageHash " + abbrev(v.getLineageHash())
                        + " does not verify; Digests.lineageHash(parent " + (previous == null ? "none" : previous.getVersionId())
                        + ", artifactSha256 " + abbrev(v.getArtifactSha256()) + ", appliedRequestIds " + v.getAppliedRequestIds()
                        + ") gives " + abbrev(recomputed));
            }
        } catch (ContractException e) {
            problems.add("forged or altered version event " + v.getVersionId() + ": " + e.getMessage());
        }
        return problems;
    }

    static String abbrev(String sha) {
        return sha == null ? "null" : sha.length() > 16 ? sha.substring(0, 16) + "..." : sha;
    }
}
