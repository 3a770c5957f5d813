package io.unlearn.ingest.internals.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.ingest.IngestException;
import io.unlearn.ingest.RequestPublisher;
import io.unlearn.ingest.StatusLookup;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/deletion-requests} and {@code POST /v1/concept-removals}: checks the body's shape, publishes
 * the request to its topic and answers 202 with where to follow it. A request id the status store already
 * knows is a re-sent request: it is answered 200 with the current status and not published again.
 */
final class SubmitHandler {
    private static final Logger log = LoggerFactory.getLogger(SubmitHandler.class);
    static final String SUBMITTED_NOTE = "Published to Kafka. The model, the sample ids, the signature and the deadline"
            + " are checked asynchronously: follow statusUrl; a request that fails a check shows state REJECTED with the reason.";
    static final String DUPLICATE_NOTE = "This requestId is already known, so nothing was published again. If this is a"
            + " different request, send it with a new requestId.";

    private final RequestPublisher publisher;
    private final StatusLookup lookup;
    private final RequestBodies bodies;
    private final int maxBodyBytes;

    SubmitHandler(RequestPublisher publisher, StatusLookup lookup, RequestBodies bodies, int maxBodyBytes) {
        this.publisher = publisher;
        this.lookup = lookup;
        this.bodies = bodies;
        this.maxBodyBytes = maxBodyBytes;
    }

    Reply deletion(Router.Call call) {
        JsonNode body = JsonBodies.read(call.exchange(), maxBodyBytes);
        DeletionRequest request = bodies.deletion(body, call.requester());
        return submit(call, request.getRequestId(), body.hasNonNull("requestId"), () -> publisher.publish(request));
    }

    Reply concept(Router.Call call) {
        JsonNode body = JsonBodies.read(call.exchange(), maxBodyBytes);
        ConceptRemovalRequest request = bodies.concept(body, call.requester());
        return submit(call, request.getRequestId(), body.hasNonNull("requestId"), () -> publisher.publish(request));
    }

    private Reply submit(Router.Call call, String requestId, boolean idGiven, Runnable publish) {
        String statusUrl = StatusHandler.statusUrl(requestId);
        if (idGiven && lookup.find(requestId) instanceof StatusLookup.Found found) {
            log.info("Request {} re-sent by {}: already known ({}), not published again", requestId, call.requester(),
                    found.history().currentState());
            Map<String, Object> body = StatusHandler.view(found.history());
            body.put("duplicate", true);
            body.put("statusUrl", statusUrl);
            body.put("message", DUPLICATE_NOTE);
            return Reply.json(200, body).withHeader("Location", statusUrl);
        }
        try {
            publish.run();
        } catch (IngestException e) {
            log.warn("Request {} from {} could not be published: {}", requestId, call.requester(), e.getMessage());
            throw HttpProblem.unavailable(e.getMessage(), 5);
        }
        log.info("Request {} from {} published", requestId, call.requester());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("status", "SUBMITTED");
        body.put("statusUrl", statusUrl);
        body.put("message", SUBMITTED_NOTE);
        return Reply.json(202, body).withHeader("Location", statusUrl);
    }
}
