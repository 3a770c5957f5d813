package io.unlearn.ingest.internals.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, extra headers and body bytes; {@link Router} writes it. */
record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";

    Reply {
        headers = Map.copyOf(headers);
    }

    /** {@code body} (maps, lists, strings, numbers, records) as JSON. */
    static Reply json(int status, Object body) {
        try {
            return new Reply(status, JSON_TYPE, Map.of(), JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a reply body as JSON: " + e.getMessage(), e);
        }
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, more, body);
    }
}
