package io.unlearn.schemas.internals;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

import java.util.stream.Collectors;

/**
 * Says in words why one schema cannot read data written with another, naming fields
 * ({@code RequestStatus.requestId}) where Avro gives JSON pointers ({@code /fields/0/type}).
 */
public final class SchemaProblems {

    private SchemaProblems() {
    }

    /** Why {@code reader} cannot read data written with {@code writer}, or null when it can. */
    public static String readProblem(Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return null;
        }
        return result.getResult().getIncompatibilities().stream()
                .map(i -> describe(reader, i))
                .collect(Collectors.joining("; "));
    }

    private static String describe(Schema reader, Incompatibility incompatibility) {
        return incompatibility.getType() + " at " + path(reader, incompatibility.getLocation()) + ": "
                + incompatibility.getMessage();
    }

    /** Turns a JSON pointer into the reader schema ("/fields/0/type") into "RequestStatus.requestId". */
    static String path(Schema root, String pointer) {
        StringBuilder path = new StringBuilder(root.getName());
        Schema at = root;
        String[] parts = pointer.split("/");
        for (int i = 1; i < parts.length && at != null; i++) {
            String part = parts[i];
            if (part.equals("fields") && i + 1 < parts.length && at.getType() == Schema.Type.RECORD) {
                Schema.Field field = at.getFields().get(Integer.parseInt(parts[++i]));
                path.append('.').append(field.name());
                at = field.schema();
            } else if (part.equals("items") && at.getType() == Schema.Type.ARRAY) {
                path.append("[]");
                at = at.getElementType();
            } else if (part.equals("values") && at.getType() == Schema.Type.MAP) {
                path.append("{}");
                at = at.getValueType();
            } else if (part.matches("\\d+") && at.getType() == Schema.Type.UNION) {
                at = at.getTypes().get(Integer.parseInt(part));
            } else if (part.equals("symbols")) {
                path.append(" symbols");
            }
            // "type" and "name" steps stay on the same schema
        }
        return path.toString();
    }
}
