package io.unlearn.schemas;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules for every schema reachable from the catalogue: documented records and fields, enums
 * with an UNKNOWN default for forward compatibility, timestamps as timestamp-millis, one namespace.
 */
class SchemaContractTest {

    private final List<String> problems = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    @Test
    void everySchemaFollowsTheHouseRules() {
        for (Topic<?, ?> topic : Topics.avroTopics()) {
            visit(topic.valueSchema().orElseThrow(), topic.name());
        }
        assertThat(seen).as("named types checked").hasSizeGreaterThanOrEqualTo(17);
        assertThat(problems).as("schema rule violations").isEmpty();
    }

    private void visit(Schema schema, String where) {
        switch (schema.getType()) {
            case RECORD -> record(schema, where);
            case ENUM -> enumeration(schema, where);
            case ARRAY -> visit(schema.getElementType(), where + "[]");
            case MAP -> visit(schema.getValueType(), where + "{}");
            case UNION -> union(schema, where);
            default -> { }
        }
    }

    private void record(Schema schema, String where) {
        if (!seen.add(schema.getFullName())) {
            return;
        }
        namedType(schema);
        for (Schema.Field field : schema.getFields()) {
            String at = schema.getName() + "." + field.name();
            if (blank(field.doc())) {
                problems.add(at + " has no doc");
            }
            if (isTimeField(field.name()) && !isTimestampMillis(field.schema())) {
                problems.add(at + " looks like a timestamp but is not timestamp-millis");
            }
            visit(field.schema(), at);
        }
    }

    private void enumeration(Schema schema, String where) {
        if (!seen.add(schema.getFullName())) {
            return;
        }
        namedType(schema);
        if (!"UNKNOWN".equals(schema.getEnumDefault()) || !"UNKNOWN".equals(schema.getEnumSymbols().get(0))) {
            problems.add(schema.getName() + " (at " + where + ") needs UNKNOWN as first symbol and enum default");
        }
    }

    private void union(Schema schema, String where) {
        List<Schema> branches = schema.getTypes();
        if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
            problems.add(where + " unions must be [\"null\", T] with a null default");
        }
        branches.forEach(branch -> visit(branch, where));
    }

    private void namedType(Schema schema) {
        if (!"io.unlearn.events".equals(schema.getNamespace())) {
            problems.add(schema.getFullName() + " is outside namespace io.unlearn.events");
        }
        if (blank(schema.getDoc())) {
            problems.add(schema.getFullName() + " has no doc");
        }
    }

    private static boolean isTimeField(String name) {
        return name.endsWith("At") || name.equals("deadline");
    }

    private static boolean isTimestampMillis(Schema schema) {
        Schema s = schema.isUnion() ? schema.getTypes().get(schema.getTypes().size() - 1) : schema;
        LogicalType logical = s.getLogicalType();
        return logical != null && logical.getName().equals(LogicalTypes.timestampMillis().getName());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
