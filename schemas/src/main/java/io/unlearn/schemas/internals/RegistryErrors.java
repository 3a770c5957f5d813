package io.unlearn.schemas.internals;

import static io.unlearn.schemas.SchemaRegistryException.INCOMPATIBLE_SCHEMA;
import static io.unlearn.schemas.SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL;
import static io.unlearn.schemas.SchemaRegistryException.INVALID_SCHEMA;
import static io.unlearn.schemas.SchemaRegistryException.NO_RESPONSE;
import static io.unlearn.schemas.SchemaRegistryException.SCHEMA_NOT_FOUND;
import static io.unlearn.schemas.SchemaRegistryException.SUBJECT_NOT_FOUND;
import static io.unlearn.schemas.SchemaRegistryException.VERSION_NOT_FOUND;

import io.unlearn.schemas.SchemaRegistryException;

/**
 * Turns a registry's answer into a {@link SchemaRegistryException} whose message says what was tried,
 * what the registry said, and what to do about it. One place, so the REST and the in-memory registry
 * speak alike.
 */
public final class RegistryErrors {

    private RegistryErrors() {
    }

    /**
     * @param registry   where the registry is (URL), for the message
     * @param what       what was being done, e.g. "register a schema under subject 'x-value'"
     * @param httpStatus the HTTP status
     * @param errorCode  the registry's error_code, or the HTTP status when it sent none
     * @param said       the registry's own message, may be null
     * @param authKind   the kind of credentials configured (none, basic, bearer)
     */
    public static SchemaRegistryException fromResponse(String registry, String what, int httpStatus,
                                                       int errorCode, String said, String authKind) {
        String prefix = "Schema registry at " + registry + " could not " + what + ": ";
        String registrySaid = said == null || said.isBlank() ? "" : " Registry said: " + said.strip() + ".";
        boolean retriable = isRetriableStatus(httpStatus) || errorCode >= 50000;
        String message;
        if (errorCode == SUBJECT_NOT_FOUND) {
            message = prefix + "subject not found (40401)." + registrySaid
                    + " Register the schema first: EventContract.install(...) registers every event schema,"
                    + " or let the serializer auto-register.";
        } else if (errorCode == VERSION_NOT_FOUND) {
            message = prefix + "version not found (40402)." + registrySaid
                    + " The subject has no such version; list them with GET /subjects/{subject}/versions.";
        } else if (errorCode == SCHEMA_NOT_FOUND) {
            message = prefix + "schema not found (40403)." + registrySaid
                    + " The record was written against another registry, or this registry lost its schemas"
                    + " (Apicurio's default storage is in memory and is empty after a restart): point the"
                    + " client at the producer's registry, or re-register the schemas (EventContract.install)"
                    + " and produce the record again.";
        } else if (errorCode == INCOMPATIBLE_SCHEMA || httpStatus == 409) {
            message = prefix + "the schema is incompatible with the subject's earlier versions (409)." + registrySaid
                    + " Make the change backward compatible: give every new field a default, keep a default on"
                    + " fields you remove, never change a field's type, add enum symbols only with the enum's"
                    + " default kept; or publish the new shape under a new topic.";
        } else if (errorCode == INVALID_SCHEMA) {
            message = prefix + "the registry rejected the schema as invalid (42201)." + registrySaid
                    + " Check the .avsc file (named types, defaults matching the first union branch).";
        } else if (errorCode == INVALID_COMPATIBILITY_LEVEL) {
            message = prefix + "invalid compatibility level (42203)." + registrySaid
                    + " Use one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.";
        } else if (httpStatus == 401 || httpStatus == 403) {
            message = prefix + "the registry refused the credentials (HTTP " + httpStatus + ", auth configured: "
                    + authKind + ")." + registrySaid
                    + " Set basic.auth.user.info (user:password) or bearer.auth.token to credentials the registry accepts.";
        } else if (httpStatus == 404) {
            message = prefix + "HTTP 404 without a registry error code." + registrySaid
                    + " Is the URL the base of the Confluent-compatible API? For Apicurio it ends in /apis/ccompat/v7.";
        } else if (retriable) {
            message = prefix + "the registry failed (HTTP " + httpStatus + ", code " + errorCode + ")." + registrySaid
                    + " This is usually temporary; the call is retried.";
        } else {
            message = prefix + "HTTP " + httpStatus + " (code " + errorCode + ")." + registrySaid;
        }
        return new SchemaRegistryException(message, httpStatus, errorCode, retriable, null);
    }

    /** The registry could not be reached or did not answer in time. */
    public static SchemaRegistryException noResponse(String registry, String what, String reason, Throwable cause) {
        return new SchemaRegistryException("Schema registry at " + registry + " could not " + what + ": " + reason
                + ". Check that the registry is running and reachable at that URL (schema.registry.url).",
                NO_RESPONSE, NO_RESPONSE, true, cause);
    }

    /** Wraps the last retriable failure once every attempt is spent. */
    public static SchemaRegistryException gaveUp(SchemaRegistryException last, int attempts, long elapsedMillis) {
        return new SchemaRegistryException(last.getMessage() + " Gave up after " + attempts + " attempt(s) in "
                + elapsedMillis + " ms; raise schema.registry.max.retries or schema.registry.request.timeout.ms"
                + " if the registry is slow rather than down.",
                last.httpStatus(), last.errorCode(), true, last);
    }

    public static boolean isRetriableStatus(int httpStatus) {
        return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }
}
