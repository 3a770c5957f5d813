package io.unlearn.ingest.internals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.events.RequestStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's status history as kept in {@link StoreNames#HISTORY} and served by
 * {@code GET /v1/requests/{id}}: the steps in the order they were published.
 */
public record StatusHistory(String requestId, List<Step> steps) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One lifecycle step. */
    public record Step(String state, String reason, String modelId, String versionId, String emittedBy, long occurredAtMillis) {
    }

    /** The state of the last step. */
    public String currentState() {
        return steps.isEmpty() ? "UNKNOWN" : steps.get(steps.size() - 1).state();
    }

    static String append(String json, RequestStatus status) {
        List<Step> steps = json == null ? new ArrayList<>() : parseSteps(json);
        steps.add(new Step(status.getState().name(), status.getReason(), status.getModelId(), status.getVersionId(),
                status.getEmittedBy(), status.getOccurredAt().toEpochMilli()));
        try {
            return JSON.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a status history: " + e.getMessage(), e);
        }
    }

    public static StatusHistory parse(String requestId, String json) {
        return new StatusHistory(requestId, List.copyOf(parseSteps(json)));
    }

    private static List<Step> parseSteps(String json) {
        try {
            return JSON.readValue(json, new TypeReference<ArrayList<Step>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt status history in store " + StoreNames.HISTORY + ": " + e.getMessage(), e);
        }
    }
}
