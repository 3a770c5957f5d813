package io.unlearn.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code GET /healthz} answers: UP (200) or DOWN (503, with {@code Retry-After}), and details such as the Kafka
 * Streams state, as the JSON object {@code {"status":"UP","streams":"RUNNING"}}.
 *
 * @param details name → value, in order, written after {@code status}
 */
public record Health(boolean up, Map<String, String> details) {

    public Health {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** UP or DOWN without details: {@code {"status":"UP"}}. */
    public static Health of(boolean up) {
        return new Health(up, Map.of());
    }

    /** {@code 200} when up, else {@code 503}. */
    public int httpStatus() {
        return up ? 200 : 503;
    }

    /** The JSON body: {@code status} first, then the details. */
    public String json() {
        StringBuilder out = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append('"');
        details.forEach((k, v) -> out.append(",\"").append(escape(k)).append("\":\"").append(escape(v)).append('"'));
        return out.append('}').toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
