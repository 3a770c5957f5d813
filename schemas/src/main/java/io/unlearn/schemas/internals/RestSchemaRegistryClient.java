package io.unlearn.schemas.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unlearn.schemas.CompatibilityLevel;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.SchemaRegistryConfig;
import io.unlearn.schemas.SchemaRegistryException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, written by hand on
 * {@code java.net.http.HttpClient} and Jackson because Confluent's Java client is not on the package
 * registry this project builds from. Caches schema by id and id by (subject, schema) for the life of
 * the client: both never change once the registry has handed them out.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryConfig config;
    private final RegistryHttp http;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, String schema) {
    }

    public RestSchemaRegistryClient(SchemaRegistryConfig config) {
        this.config = config;
        this.http = new RegistryHttp(config, JSON);
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
                "register a schema under subject '" + subject + "'");
        int id = requireId(answer, "register under subject '" + subject + "'");
        remember(key, id, schema);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.call("POST", "/subjects/" + encode(subject), schemaBody(schema),
                "look up a schema under subject '" + subject + "'");
        int id = requireId(answer, "look up under subject '" + subject + "'");
        remember(key, id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String what = "fetch the schema with id " + id;
        JsonNode answer = http.call("GET", "/schemas/ids/" + id, null, what);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaRegistryException("Schema registry at " + config.url() + ": schema id " + id + " is a "
                    + type + " schema, not Avro; this topic's records were not written by an Avro serializer.",
                    200, 200, false, null);
        }
        String text = answer.path("schema").asText(null);
        if (text == null) {
            throw new SchemaRegistryException("Schema registry at " + config.url() + " answered '" + what
                    + "' without a 'schema' field: " + answer, 200, 200, false, null);
        }
        try {
            Schema schema = new Schema.Parser().parse(text);
            Schema previous = schemasById.putIfAbsent(id, schema);
            return previous != null ? previous : schema;
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("Schema registry at " + config.url() + " returned schema id " + id
                    + " that does not parse as Avro: " + e.getMessage(), 200, SchemaRegistryException.INVALID_SCHEMA,
                    false, e);
        }
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer = http.call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaBody(schema), "check compatibility under subject '" + subject + "'");
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return true; // nothing registered yet: any first version is compatible
            }
            throw e;
        }
    }

    @Override
    public CompatibilityLevel compatibility() {
        JsonNode answer = http.call("GET", "/config", null, "read the compatibility level");
        String level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel").asText()
                : answer.path("compatibility").asText("");
        try {
            return CompatibilityLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException("Schema registry at " + config.url()
                    + " reported an unknown compatibility level '" + level + "' in " + answer, 200, 200, false, e);
        }
    }

    @Override
    public void setCompatibility(CompatibilityLevel level) {
        http.call("PUT", "/config", compatibilityBody(level), "set the compatibility level to " + level);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        http.call("PUT", "/config/" + encode(subject), compatibilityBody(level),
                "set subject '" + subject + "' compatibility level to " + level);
    }

    @Override
    public String describe() {
        return config.url().toString();
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient{" + config + "}";
    }

    private void remember(SubjectSchema key, int id, Schema schema) {
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
    }

    private int requireId(JsonNode answer, String what) {
        if (!answer.path("id").canConvertToInt() || !answer.has("id")) {
            throw new SchemaRegistryException("Schema registry at " + config.url() + " answered '" + what
                    + "' without a numeric 'id': " + answer + ". Is the URL the Confluent-compatible API?",
                    200, 200, false, null);
        }
        return answer.get("id").asInt();
    }

    private static JsonNode schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body;
    }

    private static JsonNode compatibilityBody(CompatibilityLevel level) {
        return JSON.createObjectNode().put("compatibility", level.name());
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
