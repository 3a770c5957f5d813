package io.unlearn.schemas;

import io.unlearn.schemas.internals.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an Avro event in the Confluent wire format (0x00, 4-byte schema id, Avro binary). The schema is
 * registered under the subject {@code <topic>-value} (TopicNameStrategy; {@code <topic>-key} when used
 * for keys) on first use per topic, or only looked up when auto-registration is off. Null writes null
 * (a tombstone). Thread-safe.
 *
 * <p>Errors: a record Avro cannot write throws Kafka's {@link SerializationException}; a registry that
 * is unreachable or refuses the schema throws {@link SchemaRegistryException}.
 *
 * <p>Built in code with {@link EventSerdes}, or by class name from client properties
 * ({@code value.serializer=io.unlearn.schemas.EventSerializer} plus {@code schema.registry.url} and the
 * other keys of {@link SchemaRegistryConfig#CONFIG_DEF}, and optionally {@code auto.register.schemas}).
 */
public class EventSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final ConcurrentMap<Class<?>, SpecificDatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final ConcurrentMap<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    /** For construction by class name; {@link #configure} must be called. */
    public EventSerializer() {
    }

    public EventSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            registry = SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(configs));
            Object auto = configs.get(EventSerdes.AUTO_REGISTER_CONFIG);
            autoRegister = auto == null || Boolean.parseBoolean(auto.toString());
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new ContractException("EventSerializer was created without a schema registry client and was"
                    + " never configured: build it with EventSerdes.serde(type, registry) or set"
                    + " schema.registry.url in the client properties.");
        }
        Schema schema = data.getSchema();
        String subject = isKey ? EventSerdes.keySubject(topic) : EventSerdes.valueSubject(topic);
        int id = ids.computeIfAbsent(new SubjectSchema(subject, schema), key -> autoRegister
                ? registry.register(subject, schema) : registry.lookup(subject, schema));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(WireFormat.header(id));
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(data).write(data, encoder);
            encoder.flush();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("Cannot write " + schema.getFullName() + " to topic '" + topic
                    + "': " + e.getMessage() + ". Build events with their generated builder, which checks that"
                    + " every required field is set.", e);
        }
        return out.toByteArray();
    }

    private SpecificDatumWriter<Object> writerFor(T data) {
        return writers.computeIfAbsent(data.getClass(),
                type -> new SpecificDatumWriter<>(data.getSchema(), SpecificData.getForClass(type)));
    }
}
