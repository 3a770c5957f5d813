package io.unlearn.schemas;

import io.unlearn.schemas.internals.BoundedDecoder;
import io.unlearn.schemas.internals.SchemaProblems;
import io.unlearn.schemas.internals.WireFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record written in the Confluent wire format: checks the magic byte, fetches the writer's
 * schema by its id (once; cached), and decodes the Avro body into the reader's type, resolving schema
 * differences (fields added with defaults, enum symbols unknown to this reader become the enum default).
 * Null reads null. Thread-safe.
 *
 * <p>Errors: a record whose bytes cannot be read (too short, wrong magic byte, unknown schema id,
 * truncated or garbage Avro body, a writer schema this type cannot read) throws Kafka's
 * {@link SerializationException}, so Kafka Streams' deserialization exception handler sees it as bad
 * data; a registry that is unreachable or refuses the credentials throws {@link SchemaRegistryException}
 * (the record may be fine: retry, do not dead-letter).
 *
 * <p>Built in code with {@link EventSerdes}, or by class name from client properties
 * ({@code value.deserializer=io.unlearn.schemas.EventDeserializer}, {@code unlearn.event.type=<generated
 * class>}, {@code schema.registry.url=...}).
 */
public class EventDeserializer<T> implements Deserializer<T> {

    private Class<T> type; // null: generic records in the writer's own schema
    private SchemaRegistryClient registry;
    private final ConcurrentMap<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For construction by class name; {@link #configure} must be called. */
    public EventDeserializer() {
    }

    private EventDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this.type = type;
        this.registry = registry;
    }

    /** Reads records into the generated class {@code type}. */
    public static <T extends SpecificRecord> EventDeserializer<T> specific(Class<T> type,
                                                                           SchemaRegistryClient registry) {
        return new EventDeserializer<>(type, registry);
    }

    /** Reads any record as a {@link GenericRecord} in the schema it was written with (audit, replay, tools). */
    public static EventDeserializer<GenericRecord> generic(SchemaRegistryClient registry) {
        return new EventDeserializer<>(null, registry);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry != null) {
            return;
        }
        registry = SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(configs));
        Object name = configs.get(EventSerdes.EVENT_TYPE_CONFIG);
        if (name != null && !name.toString().isBlank()) {
            type = (Class<T>) EventSerdes.eventType(name.toString().trim());
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new ContractException("EventDeserializer was created without a schema registry client and was"
                    + " never configured: build it with EventSerdes.serde(type, registry) or set"
                    + " schema.registry.url and " + EventSerdes.EVENT_TYPE_CONFIG + " in the client properties.");
        }
        int id = WireFormat.readSchemaId(topic, data);
        DatumReader<T> reader = readers.computeIfAbsent(id, writerId -> readerFor(topic, writerId));
        BoundedDecoder decoder = new BoundedDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE);
        T value;
        try {
            value = reader.read(null, decoder);
        } catch (Exception e) {
            throw new SerializationException("Cannot read a record from topic '" + topic + "' written with schema"
                    + " id " + id + ": its Avro body is truncated or corrupt (" + e + "); " + data.length
                    + " bytes: " + WireFormat.preview(data) + ". Route it to the dead-letter topic.", e);
        }
        if (!isEnd(decoder)) {
            throw new SerializationException("Cannot read a record from topic '" + topic + "' written with schema"
                    + " id " + id + ": bytes are left over after its Avro body, so it was not written with that"
                    + " schema. Route it to the dead-letter topic.");
        }
        return value;
    }

    private DatumReader<T> readerFor(String topic, int writerId) {
        Schema writer;
        try {
            writer = registry.schemaById(writerId);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
                throw new SerializationException("Cannot read a record from topic '" + topic + "': its schema id "
                        + writerId + " is unknown to the registry. " + e.getMessage(), e);
            }
            throw e;
        }
        if (type == null) {
            return new GenericDatumReader<>(writer, writer);
        }
        Schema readerSchema = SpecificData.get().getSchema(type);
        String problem = SchemaProblems.readProblem(readerSchema, writer);
        if (problem != null) {
            throw new SerializationException("Cannot read records from topic '" + topic + "' written with schema id "
                    + writerId + " (" + writer.getFullName() + ") as " + type.getName() + ": " + problem
                    + ". Is this the topic for " + type.getSimpleName() + "? Otherwise the writer broke"
                    + " the BACKWARD contract; route the record to the dead-letter topic.");
        }
        return new SpecificDatumReader<>(writer, readerSchema, SpecificData.getForClass(type));
    }

    private static boolean isEnd(BoundedDecoder decoder) {
        try {
            return decoder.isEnd();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
