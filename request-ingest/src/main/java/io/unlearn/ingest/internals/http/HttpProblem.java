package io.unlearn.ingest.internals.http;

import io.unlearn.ingest.IngestException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API answers with an error status. {@link Router} turns it into the JSON body every error
 * has: {@code {"status": 422, "error": "Unprocessable Content", "message": "what was wrong and how to fix it"}}.
 */
final class HttpProblem extends IngestException {
    private final int status;
    private final String title;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpProblem(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, "Bad Request", message);
    }

    static HttpProblem unauthorized(String message) {
        return new HttpProblem(401, "Unauthorized", message).header("WWW-Authenticate", "Bearer realm=\"unlearn-ingest\"");
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, "Not Found", message);
    }

    static HttpProblem methodNotAllowed(String method, String path, String allowed) {
        return new HttpProblem(405, "Method Not Allowed", method + " is not supported on " + path + ": use " + allowed)
                .header("Allow", allowed);
    }

    static HttpProblem tooLarge(int limit) {
        return new HttpProblem(413, "Content Too Large", "The request body exceeds " + limit
                + " bytes (http.max.body.bytes): send fewer sample ids per request, or split it into several requests")
                .header("Connection", "close");
    }

    static HttpProblem unsupportedMediaType(String contentType) {
        return new HttpProblem(415, "Unsupported Media Type", "Content-Type '" + contentType
                + "' is not accepted: send the body as JSON with 'Content-Type: application/json'");
    }

    static HttpProblem unprocessable(String message) {
        return new HttpProblem(422, "Unprocessable Content", message);
    }

    static HttpProblem unavailable(String message, int retryAfterSeconds) {
        return new HttpProblem(503, "Service Unavailable", message).header("Retry-After", Integer.toString(retryAfterSeconds));
    }

    static HttpProblem internal(String message) {
        return new HttpProblem(500, "Internal Server Error", message);
    }

    private HttpProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    Reply toReply() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", title);
        body.put("message", getMessage());
        Reply reply = Reply.json(status, body);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            reply = reply.withHeader(h.getKey(), h.getValue());
        }
        return reply;
    }
}
