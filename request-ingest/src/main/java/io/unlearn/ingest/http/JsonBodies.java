package io.unlearn.ingest.http;

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

/**
 * Reads a request body as JSON, in the order the errors are reported: 415 when it is not declared
 * {@code application/json} (UTF-8), 413 when it exceeds the limit (at most limit + 1 bytes are ever
 * read, so a huge body is never buffered), 400 when it is not well-formed JSON.
 */
final class JsonBodies {
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
            throw HttpProblem.tooLarge(maxBytes);
        }
        byte[] body = readAtMost(exchange.getRequestBody(), maxBytes + 1);
        if (body.length > maxBytes) {
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

    private static byte[] readAtMost(InputStream in, int limit) {
        try {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw HttpProblem.badRequest("The request body could not be read: " + e.getMessage());
        }
    }
}
