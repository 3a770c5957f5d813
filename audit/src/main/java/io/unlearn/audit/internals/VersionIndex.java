package io.unlearn.audit.internals;

import io.unlearn.events.ModelVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The versions of the log by model and by id, with each version's ancestry. */
final class VersionIndex {
    private final Map<String, List<ModelVersion>> byModel = new LinkedHashMap<>();
    private final Map<String, ModelVersion> byId = new LinkedHashMap<>();
    private final Map<String, List<ModelVersion>> byAppliedRequest = new HashMap<>();

    VersionIndex(List<ModelVersion> versions) {
        for (ModelVersion v : versions) {
            byModel.computeIfAbsent(v.getModelId(), m -> new ArrayList<>()).add(v);
            byId.putIfAbsent(v.getVersionId(), v);
            new HashSet<>(v.getAppliedRequestIds()).forEach(r ->
                    byAppliedRequest.computeIfAbsent(v.getModelId() + "|" + r, k -> new ArrayList<>()).add(v));
        }
    }

    /** Model id → its versions in log order. */
    Map<String, List<ModelVersion>> byModel() {
        return byModel;
    }

    /** The first version published under {@code versionId}, or null. */
    ModelVersion get(String versionId) {
        return byId.get(versionId);
    }

    /** {@code versionId} and every ancestor found by following parentVersionId (a cycle or a missing parent ends it). */
    List<ModelVersion> lineage(String versionId) {
        List<ModelVersion> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ModelVersion v = byId.get(versionId);
        while (v != null && seen.add(v.getVersionId())) {
            out.add(v);
            v = v.getParentVersionId() == null ? null : byId.get(v.getParentVersionId());
        }
        return out;
    }

    /** The versions of {@code modelId} whose appliedRequestIds contain {@code requestId}. */
    List<ModelVersion> applying(String modelId, String requestId) {
        return byAppliedRequest.getOrDefault(modelId + "|" + requestId, List.of());
    }
}
