package io.unlearn.schemas;


/**
 * The schema registry could not do what was asked: it was unreachable or too slow, refused the
 * credentials, or answered with an error code. The message says which, and how to fix it.
 *
 * <p>The Confluent error codes this client maps to specific messages:
 * <ul>
 *   <li>{@value #SUBJECT_NOT_FOUND} subject not found;</li>
 *   <li>{@value #VERSION_NOT_FOUND} version not found;</li>
 *   <li>{@value #SCHEMA_NOT_FOUND} schema (id) not found;</li>
 *   <li>HTTP 409 incompatible schema (error code {@value #INCOMPATIBLE_SCHEMA});</li>
 *   <li>{@value #INVALID_SCHEMA} invalid schema; {@value #INVALID_COMPATIBILITY_LEVEL} invalid level.</li>
 * </ul>
 */
public class SchemaRegistryException extends ContractException {

    private static final long serialVersionUID = 1L;

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

    /** Marks a failure that happened before any HTTP answer (connection refused, timeout). */
    public static final int NO_RESPONSE = -1;

    private final int httpStatus;
    private final int errorCode;
    private final boolean retriable;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, boolean retriable,
                                   Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.retriable = retriable;
    }

    /** The HTTP status of the registry's answer, or {@link #NO_RESPONSE}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code} (e.g. 40403), its HTTP status when it gave none, or {@link #NO_RESPONSE}. */
    public int errorCode() {
        return errorCode;
    }

    /** Whether trying again later may succeed (registry down or overloaded), as opposed to a request it refuses. */
    public boolean isRetriable() {
        return retriable;
    }

    /** Whether the registry said the subject, version or schema id does not exist. */
    public boolean isNotFound() {
        return errorCode == SUBJECT_NOT_FOUND || errorCode == VERSION_NOT_FOUND || errorCode == SCHEMA_NOT_FOUND
                || (errorCode == 404 && httpStatus == 404);
    }

    /** Whether the registry refused a schema as incompatible with the subject's earlier versions. */
    public boolean isIncompatible() {
        return errorCode == INCOMPATIBLE_SCHEMA || httpStatus == 409;
    }
}
