package io.unlearn.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.events.DeletionRequest;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.internals.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** Serdes against the in-memory registry: round trips, the wire format, bad bytes, schema resolution. */
class EventSerdesTest {

    private final SchemaRegistryClient registry = SchemaRegistryClient.inMemory();

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyEventTypeRoundTripsThroughItsTopicSerde() {
        for (Map.Entry<Topic<String, ? extends SpecificRecord>, SpecificRecord> e : SampleEvents.oneOfEach().entrySet()) {
            Topic topic = e.getKey();
            Serde<Object> serde = topic.valueSerde(registry);
            byte[] bytes = serde.serializer().serialize(topic.name(), e.getValue());
            assertThat(bytes[0]).as("magic byte of %s", topic.name()).isEqualTo((byte) 0);
            int id = WireFormat.readSchemaId(topic.name(), bytes);
            assertThat(registry.schemaById(id)).isEqualTo(topic.valueSchema().orElseThrow());
            assertThat(serde.deserializer().deserialize(topic.name(), bytes)).as(topic.name()).isEqualTo(e.getValue());
        }
    }

    @Test
    void registersUnderTopicNameStrategySubject() {
        byte[] bytes = serde().serializer().serialize("some.topic", SampleEvents.deletion("r"));
        int id = registry.lookup("some.topic-value", DeletionRequest.getClassSchema());
        assertThat(WireFormat.readSchemaId("some.topic", bytes)).isEqualTo(id);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serde().serializer().serialize("t", null)).isNull();
        assertThat(serde().deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void withoutAutoRegisterWritingFailsUntilTheContractIsInstalled() {
        Serde<DeletionRequest> strict = EventSerdes.serde(DeletionRequest.class, registry, false);
        assertThatThrownBy(() -> strict.serializer().serialize("t", SampleEvents.deletion("r")))
                .isInstanceOf(ContractException.class).hasMessageContaining("subject not found (40401)")
                .hasMessageContaining("EventContract.install");
        registry.register("t-value", DeletionRequest.getClassSchema());
        assertThat(strict.serializer().serialize("t", SampleEvents.deletion("r"))).isNotEmpty();
    }

    @Test
    void truncatedBodyIsASerializationError() {
        byte[] bytes = serde().serializer().serialize("t", SampleEvents.deletion("r"));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 10);
        assertThatThrownBy(() -> serde().deserializer().deserialize("t", cut))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 't'").hasMessageContaining("truncated or corrupt");
    }

    @Test
    void trailingBytesAreASerializationError() {
        byte[] bytes = serde().serializer().serialize("t", SampleEvents.deletion("r"));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertThatThrownBy(() -> serde().deserializer().deserialize("t", longer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("left over");
    }

    @Test
    void headerProblemsAreSerializationErrors() {
        assertThatThrownBy(() -> serde().deserializer().deserialize("t", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("3 byte(s) long");
        assertThatThrownBy(() -> serde().deserializer().deserialize("t", "{\"requestId\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x7B").hasMessageContaining("{\"requestId");
    }

    @Test
    void unknownSchemaIdIsASerializationErrorThatNamesTheId() {
        byte[] bytes = new byte[] {0, 0, 0, 0x30, 0x39, 2, 'x'};
        assertThatThrownBy(() -> serde().deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 12345 is unknown").hasMessageContaining("40403");
    }

    @Test
    void hugeLengthPrefixInGarbageFailsWithoutAllocatingIt() {
        int id = registry.register("t-value", DeletionRequest.getClassSchema());
        byte[] bytes = new byte[] {0, 0, 0, 0, (byte) id, (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        assertThatThrownBy(() -> serde().deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated or corrupt");
    }

    @Test
    void aRecordOfAnotherTypeIsRefusedWithTheTypesNamed() {
        byte[] status = EventSerdes.serde(RequestStatus.class, registry).serializer()
                .serialize("t", SampleEvents.status("r"));
        assertThatThrownBy(() -> serde().deserializer().deserialize("t", status))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.unlearn.events.RequestStatus").hasMessageContaining("DeletionRequest");
    }

    @Test
    void anOlderWriterIsReadWithDefaultsForFieldsItLacked() throws IOException {
        Schema current = RequestStatus.getClassSchema();
        Schema older = withoutField(current, "emittedBy");
        GenericRecord old = new GenericData.Record(older);
        old.put("requestId", "r-1");
        old.put("kind", new GenericData.EnumSymbol(older.getField("kind").schema(), "DELETION"));
        old.put("state", new GenericData.EnumSymbol(older.getField("state").schema(), "ACCEPTED"));
        old.put("occurredAt", SampleEvents.NOW.toEpochMilli());
        byte[] bytes = confluentBytes("old-status-value", older, old);

        RequestStatus read = EventSerdes.serde(RequestStatus.class, registry).deserializer().deserialize("old-status", bytes);
        assertThat(read.getEmittedBy()).isEmpty();
        assertThat(read.getState()).isEqualTo(RequestState.ACCEPTED);
        assertThat(read.getOccurredAt()).isEqualTo(SampleEvents.NOW);
    }

    @Test
    void anEnumSymbolUnknownToThisReaderBecomesTheEnumDefault() throws IOException {
        Schema newer = new Schema.Parser().parse(RequestStatus.getClassSchema().toString()
                .replace("\"ESCALATING\"]", "\"ESCALATING\",\"ARCHIVED\"]"));
        GenericRecord rec = new GenericData.Record(newer);
        rec.put("requestId", "r-2");
        rec.put("kind", new GenericData.EnumSymbol(newer.getField("kind").schema(), "CONCEPT"));
        rec.put("state", new GenericData.EnumSymbol(newer.getField("state").schema(), "ARCHIVED"));
        rec.put("emittedBy", "future-service");
        rec.put("occurredAt", SampleEvents.NOW.toEpochMilli());
        registry.setCompatibility("newer-status-value", io.unlearn.schemas.CompatibilityLevel.NONE);
        byte[] bytes = confluentBytes("newer-status-value", newer, rec);

        RequestStatus read = EventSerdes.serde(RequestStatus.class, registry).deserializer().deserialize("newer-status", bytes);
        assertThat(read.getState()).isEqualTo(RequestState.UNKNOWN);
    }

    @Test
    void genericDeserializerReadsAnyEventInItsWriterSchema() {
        byte[] bytes = serde().serializer().serialize("t", SampleEvents.deletion("r-9"));
        GenericRecord read = EventSerdes.genericDeserializer(registry).deserialize("t", bytes);
        assertThat(read.getSchema().getFullName()).isEqualTo("io.unlearn.events.DeletionRequest");
        assertThat(read.get("requestId").toString()).isEqualTo("r-9");
    }

    @Test
    void aClassThatIsNotAGeneratedEventIsRefused() {
        assertThatThrownBy(() -> EventSerdes.eventType("java.lang.String"))
                .isInstanceOf(ContractException.class).hasMessageContaining("not a generated Avro record");
        assertThatThrownBy(() -> EventSerdes.eventType("io.unlearn.events.Nope"))
                .isInstanceOf(ContractException.class).hasMessageContaining("names no class");
    }

    private Serde<DeletionRequest> serde() {
        return EventSerdes.serde(DeletionRequest.class, registry);
    }

    private byte[] confluentBytes(String subject, Schema schema, GenericRecord record) throws IOException {
        int id = registry.register(subject, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(WireFormat.header(id));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema withoutField(Schema schema, String dropped) {
        var fields = schema.getFields().stream().filter(f -> !f.name().equals(dropped))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
