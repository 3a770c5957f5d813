package io.unlearn.schemas;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Kafka {@link Serde}s for the events of {@code io.unlearn.events}, in the Confluent wire format
 * (0x00, 4-byte schema id, Avro binary) and backed by a schema registry. Usable by plain producers and
 * consumers and by Kafka Streams ({@code Consumed.with(Topics.X.keySerde(), EventSerdes.serde(X.class, registry))}).
 *
 * <pre>{@code
 * SchemaRegistryClient registry = SchemaRegistryClient.create("http://127.0.0.1:8081");
 * Serde<DeletionRequest> serde = EventSerdes.serde(DeletionRequest.class, registry);
 * // or, from the catalogue: Topics.DELETION_REQUESTS.valueSerde(registry)
 * }</pre>
 *
 * <p>Keys are plain UTF-8 strings ({@link #keySerde()}), never Avro: a requestId, modelId, sampleId or
 * versionId as the topic catalogue says. Subjects follow the TopicNameStrategy: {@code <topic>-value}.
 */
public final class EventSerdes {

    /** Client property: register a value's schema on first use (default true) rather than only look it up. */
    public static final String AUTO_REGISTER_CONFIG = "auto.register.schemas";
    /** Client property for {@link EventDeserializer} by class name: the generated class to read into. */
    public static final String EVENT_TYPE_CONFIG = "unlearn.event.type";

    private EventSerdes() {
    }

    /** A serde for the generated class {@code type} that registers its schema on first use. */
    public static <T extends SpecificRecord> Serde<T> serde(Class<T> type, SchemaRegistryClient registry) {
        return serde(type, registry, true);
    }

    /**
     * A serde for the generated class {@code type}.
     *
     * @param autoRegister true to register the schema under {@code <topic>-value} on first use; false to
     *                     only look it up, so writing fails until the contract is installed
     *                     ({@link EventContract#install})
     */
    public static <T extends SpecificRecord> Serde<T> serde(Class<T> type, SchemaRegistryClient registry,
                                                            boolean autoRegister) {
        schemaOf(type); // fail fast on a class that is not a generated event
        return Serdes.serdeFrom(new EventSerializer<>(registry, autoRegister),
                EventDeserializer.specific(type, registry));
    }

    /** Reads any event as a {@link GenericRecord} in the schema it was written with: for audit and replay. */
    public static Deserializer<GenericRecord> genericDeserializer(SchemaRegistryClient registry) {
        return EventDeserializer.generic(registry);
    }

    /** The serde of every key: plain UTF-8 strings. */
    public static Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The value subject of a topic under the TopicNameStrategy: {@code <topic>-value}. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }

    /** The key subject of a topic under the TopicNameStrategy (unused here: keys are strings). */
    public static String keySubject(String topic) {
        return topic + "-key";
    }

    /** The Avro schema of a generated event class. */
    public static Schema schemaOf(Class<? extends SpecificRecord> type) {
        Schema schema;
        try {
            schema = SpecificData.get().getSchema(type);
        } catch (org.apache.avro.AvroRuntimeException e) {
            schema = null;
        }
        if (schema == null || schema.getType() != Schema.Type.RECORD) {
            throw new ContractException(type.getName() + " is not a generated Avro record class;"
                    + " use one of the io.unlearn.events classes.");
        }
        return schema;
    }

    /** Loads the generated class named in {@link #EVENT_TYPE_CONFIG}. */
    static Class<? extends SpecificRecord> eventType(String className) {
        try {
            Class<?> type = Class.forName(className, true, EventSerdes.class.getClassLoader());
            if (!SpecificRecord.class.isAssignableFrom(type)) {
                throw new ContractException(EVENT_TYPE_CONFIG + "=" + className + " is not a generated Avro record"
                        + " class; use one of the io.unlearn.events classes, e.g. io.unlearn.events.DeletionRequest.");
            }
            return type.asSubclass(SpecificRecord.class);
        } catch (ClassNotFoundException e) {
            throw new ContractException(EVENT_TYPE_CONFIG + "=" + className + " names no class on the classpath;"
                    + " use one of the io.unlearn.events classes, e.g. io.unlearn.events.DeletionRequest.", e);
        }
    }
}
