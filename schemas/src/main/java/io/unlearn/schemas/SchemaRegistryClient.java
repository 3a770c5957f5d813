package io.unlearn.schemas;

import io.unlearn.schemas.internals.InMemorySchemaRegistry;
import io.unlearn.schemas.internals.RestSchemaRegistryClient;
import org.apache.avro.Schema;

/**
 * A client of a schema registry speaking the Confluent Schema Registry REST API (Confluent's own
 * registry, or Apicurio's {@code /apis/ccompat/v7}). Only Avro schemas are used.
 *
 * <p>Why this is hand-written: Confluent's Java client ({@code kafka-schema-registry-client}) is not
 * published on the package registry this project builds from, while the REST API and the wire format
 * are public and small. {@link #create(SchemaRegistryConfig)} gives the HTTP implementation
 * ({@code java.net.http.HttpClient} + Jackson), with timeouts on every call, retries with backoff,
 * basic or bearer auth and caches; {@link #inMemory()} gives a registry inside the JVM for unit tests
 * and topology tests that run without a registry.
 *
 * <p>Implementations are thread-safe and cache what never changes: schema by id, and id by
 * (subject, schema). Every method throws {@link SchemaRegistryException} with a message that says what
 * went wrong and how to fix it.
 */
public interface SchemaRegistryClient {

    /** A client of the registry at {@code config.url()}. */
    static SchemaRegistryClient create(SchemaRegistryConfig config) {
        return new RestSchemaRegistryClient(config);
    }

    /** A client of the registry at {@code url}, with default timeouts and retries and no auth. */
    static SchemaRegistryClient create(String url) {
        return create(SchemaRegistryConfig.ofDefaults(url));
    }

    /**
     * A fresh, empty registry living in this JVM, with Confluent's default compatibility (BACKWARD)
     * enforced on {@link #register}. For tests; every call returns a separate registry.
     */
    static SchemaRegistryClient inMemory() {
        return new InMemorySchemaRegistry();
    }

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and
     * returns its id; registering a schema that is already there returns the existing id.
     *
     * @throws SchemaRegistryException {@link SchemaRegistryException#isIncompatible()} when the subject's
     *     compatibility level refuses the change
     */
    int register(String subject, Schema schema);

    /**
     * The id of {@code schema} already registered under {@code subject} ({@code POST /subjects/{subject}}),
     * without registering it.
     *
     * @throws SchemaRegistryException {@link SchemaRegistryException#isNotFound()} when it is not registered
     */
    int lookup(String subject, Schema schema);

    /**
     * The schema with this id ({@code GET /schemas/ids/{id}}).
     *
     * @throws SchemaRegistryException with error code {@value SchemaRegistryException#SCHEMA_NOT_FOUND}
     *     when no schema has this id
     */
    Schema schemaById(int id);

    /**
     * Whether the subject's compatibility level would accept {@code schema} as its next version
     * ({@code POST /compatibility/subjects/{subject}/versions/latest}); true for a subject with no versions.
     */
    boolean isCompatible(String subject, Schema schema);

    /** The registry-wide compatibility level ({@code GET /config}). */
    CompatibilityLevel compatibility();

    /** Sets the registry-wide compatibility level ({@code PUT /config}). */
    void setCompatibility(CompatibilityLevel level);

    /** Sets one subject's compatibility level ({@code PUT /config/{subject}}), overriding the registry-wide one. */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** Where this client points, for messages (no credentials). */
    String describe();
}
