package io.unlearn.ingest.internals.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to the fields of one JSON object that collects every problem instead of stopping at the
 * first: shape problems (not an object, unknown field, wrong type; answered 400) apart from value problems
 * (missing, blank, bad enum or instant; answered 422). {@link #check()} throws the one that applies.
 * A field given as JSON {@code null} counts as absent.
 */
final class JsonFields {
    private final JsonNode node;
    private final String prefix;
    private final List<String> shape;
    private final List<String> invalid;

    private JsonFields(JsonNode node, String prefix, Set<String> allowed, List<String> shape, List<String> invalid) {
        this.node = node;
        this.prefix = prefix;
        this.shape = shape;
        this.invalid = invalid;
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(prefix + name);
            }
        }
        if (!unknown.isEmpty()) {
            shape.add("unknown field(s) " + unknown + " (allowed: " + new TreeSet<>(allowed) + ")");
        }
    }

    /** The fields of {@code body}, which must be a JSON object with no fields outside {@code allowed}. */
    static JsonFields of(JsonNode body, Set<String> allowed) {
        if (!body.isObject()) {
            throw HttpProblem.badRequest("The request body must be a JSON object, not " + kind(body));
        }
        return new JsonFields(body, "", allowed, new ArrayList<>(), new ArrayList<>());
    }

    String text(String name) {
        JsonNode value = value(name);
        if (value != null && !value.isTextual()) {
            shape.add(prefix + name + " must be a string, not " + kind(value));
            return null;
        }
        return value == null ? null : value.asText();
    }

    String requiredText(String name) {
        String text = text(name);
        if (value(name) == null || text != null && text.isBlank()) {
            invalid.add(prefix + name + " is required and must not be blank");
        }
        return text;
    }

    List<String> texts(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            shape.add(prefix + name + " must be an array of strings, not " + kind(value));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                shape.add(prefix + name + " must hold only strings, but holds " + element);
                return List.of();
            }
            texts.add(element.asText());
        }
        return texts;
    }

    /** An ISO-8601 instant such as {@code 2026-11-28T10:00:00Z}, truncated to milliseconds as Avro keeps it. */
    Instant instant(String name, Instant absent) {
        String text = text(name);
        try {
            return text == null ? absent : Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            invalid.add(prefix + name + " '" + text + "' is not an ISO-8601 instant such as 2026-11-28T10:00:00Z");
            return absent;
        }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, E absent) {
        String text = text(name);
        try {
            return text == null ? absent : Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            invalid.add(prefix + name + " '" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return absent;
        }
    }

    /** A nested object, or null when absent; its problems are reported with this object's. */
    JsonFields object(String name, Set<String> allowed) {
        JsonNode value = value(name);
        if (value != null && !value.isObject()) {
            shape.add(prefix + name + " must be an object, not " + kind(value));
        }
        return value == null || !value.isObject() ? null : new JsonFields(value, prefix + name + ".", allowed, shape, invalid);
    }

    void invalid(String problem) {
        invalid.add(problem);
    }

    /** Throws 400 for shape problems, else 422 for value problems; each lists all of its kind. */
    void check() {
        if (!shape.isEmpty()) {
            throw HttpProblem.badRequest("The request body has the wrong shape: " + String.join("; ", shape));
        }
        if (!invalid.isEmpty()) {
            throw HttpProblem.unprocessable("The request is incomplete or has bad values: " + String.join("; ", invalid));
        }
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }
}
