package io.unlearn.ingest.internals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.unlearn.events.RequestStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's status history as kept in {@link StoreNames#HISTORY} and served by
 * {@code GET /v1/requests/{id}}: the steps in the order they were published.
 */
public record StatusHistory(String requestId, List<Step> steps) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter STEP = JSON.writerFor(Step.class);

    /** One lifecycle step. */
    public record Step(String state, String reason, String modelId, String versionId, String emittedBy, long occurredAtMillis) {
    }

    /** The state of the last step. */
    public String currentState() {
        return steps.isEmpty() ? "UNKNOWN" : steps.get(steps.size() - 1).state();
    }

    /**
     * The history {@code json} with {@code status} as its last step. Only the new step is encoded: it is spliced into
     * the stored array's text, which is never parsed here (a status costs one small write, not a read and rewrite of
     * the whole history); the text is the same as encoding the whole list. A value that is not a JSON array is
     * parsed, which names the corruption.
     */
    static String append(String json, RequestStatus status) {
        Step step = new Step(status.getState().name(), status.getReason(), status.getModelId(), status.getVersionId(),
                status.getEmittedBy(), status.getOccurredAt().toEpochMilli());
        String encoded;
        try {
            encoded = STEP.writeValueAsString(step);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a status history step: " + e.getMessage(), e);
        }
        if (json == null) {
            return "[" + encoded + "]";
        }
        int end = json.length() - 1;
        if (json.length() < 2 || json.charAt(0) != '[' || json.charAt(end) != ']') {
            List<Step> steps = parseSteps(json);
            steps.add(step);
            return encode(steps);
        }
        return json.substring(0, end) + (end == 1 ? "" : ",") + encoded + "]";
    }

    private static String encode(List<Step> steps) {
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
