package io.unlearn.ingest.internals.http;

import io.unlearn.ingest.StatusLookup;
import io.unlearn.ingest.internals.StatusHistory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/requests/{id}}: the request's current state and history, from this instance's state store
 * (200), a redirect to the instance that holds it (307), 404 when no instance has seen it, 503 while the
 * store is rebalancing or restoring.
 */
final class StatusHandler {
    static final String PATH = "/v1/requests/";
    private final StatusLookup lookup;

    StatusHandler(StatusLookup lookup) {
        this.lookup = lookup;
    }

    Reply get(Router.Call call) {
        String requestId = call.pathParam();
        StatusLookup.Result result = lookup.find(requestId);
        if (result instanceof StatusLookup.Found found) {
            return Reply.json(200, view(found.history()));
        }
        if (result instanceof StatusLookup.Elsewhere elsewhere) {
            String location = "http://" + elsewhere.hostAndPort() + statusUrl(requestId);
            return Reply.json(307, Map.of("requestId", requestId, "location", location)).withHeader("Location", location);
        }
        if (result instanceof StatusLookup.Unavailable unavailable) {
            throw HttpProblem.unavailable("The status of " + requestId + " cannot be read now: " + unavailable.reason()
                    + "; retry in a few seconds", 1);
        }
        throw HttpProblem.notFound("No request with id '" + requestId + "' is known: check the id; a request sent"
                + " moments ago may need a second to appear");
    }

    /** {"requestId", "state", "history": [{state, reason, modelId, versionId, emittedBy, occurredAt}...]}. */
    static Map<String, Object> view(StatusHistory history) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StatusHistory.Step step : history.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("state", step.state());
            s.put("reason", step.reason());
            s.put("modelId", step.modelId());
            s.put("versionId", step.versionId());
            s.put("emittedBy", step.emittedBy());
            s.put("occurredAt", Instant.ofEpochMilli(step.occurredAtMillis()).toString());
            steps.add(s);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("requestId", history.requestId());
        view.put("state", history.currentState());
        view.put("history", steps);
        return view;
    }

    /** The path of a request's status, its id percent-encoded as one path segment. */
    static String statusUrl(String requestId) {
        return PATH + URLEncoder.encode(requestId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
