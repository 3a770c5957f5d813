package io.unlearn.ingest.internals.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body as JSON, in the order the errors are reported: 415 when it is not declared
 * {@code application/json} (UTF-8), 413 when it exceeds the limit (at most limit + 1 bytes are ever
 * kept, so a huge body is never buffered), 400 when it is not well-formed JSON. The rest of an oversized
 * body is read and dropped up to {@link #DISCARD_LIMIT} bytes before the 413 goes out: closing a socket
 * with unread input resets it, and the client would see a reset instead of the answer.
 */
final class JsonBodies {
    static final long DISCARD_LIMIT = 16L << 20;
    private static final Logger log = LoggerFactory.getLogger(JsonBodies.class);
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    static JsonNode read(HttpExchange exchange, int maxBytes) {
        requireJsonContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.trim().matches("\\d{1,18}") && Long.parseLong(declared.trim()) > maxBytes) {
            discard(exchange.getRequestBody(), Long.parseLong(declared.trim()));
            throw HttpProblem.tooLarge(maxBytes);
        }
        byte[] body = readAtMost(exchange.getRequestBody(), maxBytes + 1);
        if (body.length > maxBytes) {
            discard(exchange.getRequestBody(), DISCARD_LIMIT);
            throw HttpProblem.tooLarge(maxBytes);
        }
        if (body.length == 0) {
            throw HttpProblem.badRequest("The request body is empty: send a JSON object");
        }
        try {
            return STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw HttpProblem.badRequest("The request body is not well-formed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw HttpProblem.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    /** Accepts {@code application/json} with no charset or UTF-8; anything else is 415. */
    static void requireJsonContentType(String header) {
        if (header == null) {
            throw HttpProblem.unsupportedMediaType("(none)");
        }
        String[] parts = header.toLowerCase(Locale.ROOT).split(";");
        boolean json = parts[0].trim().equals("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String param = parts[i].trim().replace("\"", "");
            json = !param.startsWith("charset=") || param.equals("charset=utf-8");
        }
        if (!json) {
            throw HttpProblem.unsupportedMediaType(header);
        }
    }

    /** Reads and drops up to {@code bytes} (at most {@link #DISCARD_LIMIT}); a bigger body will see its connection cut. */
    private static void discard(InputStream in, long bytes) {
        byte[] sink = new byte[8192];
        long left = Math.min(bytes, DISCARD_LIMIT);
        try {
            int n = 0;
            while (left > 0 && n >= 0) {
                n = in.read(sink, 0, (int) Math.min(sink.length, left));
                left -= Math.max(n, 0);
            }
        } catch (IOException e) {
            log.debug("The client stopped sending its oversized body ({}); answering 413 all the same", e.getMessage());
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) {
        try {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw HttpProblem.badRequest("The request body could not be read: " + e.getMessage());
        }
    }
}
