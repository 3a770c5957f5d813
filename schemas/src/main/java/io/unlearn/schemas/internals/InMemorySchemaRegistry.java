package io.unlearn.schemas.internals;

import io.unlearn.schemas.CompatibilityLevel;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A schema registry inside the JVM, for tests that run without one: same ids-per-schema behaviour,
 * compatibility enforcement (Confluent's default, BACKWARD, unless set otherwise) and error codes and
 * messages as the REST client. Schemas are equal when {@link Schema#equals} says so.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private static final String WHERE = "in-memory registry";

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer existing = idOf(schema);
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        String problem = incompatibility(subject, schema);
        if (problem != null) {
            throw RegistryErrors.fromResponse(WHERE, "register a schema under subject '" + subject + "'", 409,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA, problem, "none");
        }
        int id = existing != null ? existing : nextId++;
        schemasById.put(id, schema);
        versions.add(id);
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        String what = "look up a schema under subject '" + subject + "'";
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw RegistryErrors.fromResponse(WHERE, what, 404, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found.", "none");
        }
        Integer id = idOf(schema);
        if (id == null || !versions.contains(id)) {
            throw RegistryErrors.fromResponse(WHERE, what, 404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema not found under subject '" + subject + "'.", "none");
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryErrors.fromResponse(WHERE, "fetch the schema with id " + id, 404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found.", "none");
        }
        return schema;
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        return incompatibility(subject, schema) == null;
    }

    @Override
    public synchronized CompatibilityLevel compatibility() {
        return globalLevel;
    }

    @Override
    public synchronized void setCompatibility(CompatibilityLevel level) {
        globalLevel = level;
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        subjectLevels.put(subject, level);
    }

    @Override
    public String describe() {
        return WHERE;
    }

    private Integer idOf(Schema schema) {
        for (Map.Entry<Integer, Schema> e : schemasById.entrySet()) {
            if (e.getValue().equals(schema)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Why {@code candidate} may not be the subject's next version, or null when it may. */
    private String incompatibility(String subject, Schema candidate) {
        CompatibilityLevel level = subjectLevels.getOrDefault(subject, globalLevel);
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (level == CompatibilityLevel.NONE || versions.isEmpty()) {
            return null;
        }
        List<Integer> against = level.isTransitive() ? versions : List.of(versions.get(versions.size() - 1));
        for (int id : against) {
            Schema earlier = schemasById.get(id);
            if (level.checksBackward()) {
                String problem = readProblem(candidate, earlier);
                if (problem != null) {
                    return "new schema cannot read data written with id " + id + ": " + problem;
                }
            }
            if (level.checksForward()) {
                String problem = readProblem(earlier, candidate);
                if (problem != null) {
                    return "schema id " + id + " cannot read data written with the new schema: " + problem;
                }
            }
        }
        return null;
    }

    private static String readProblem(Schema reader, Schema writer) {
        return SchemaProblems.readProblem(reader, writer);
    }
}
