package io.unlearn.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.DeletionRequest;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/**
 * The serdes inside a Kafka Streams topology, with the in-memory registry (as services test their
 * topologies): records round-trip, and a record with bad bytes reaches the deserialization exception
 * handler as a SerializationException instead of stopping the application.
 */
class StreamsUsageTest {

    private final SchemaRegistryClient registry = SchemaRegistryClient.inMemory();

    private Topology receivedStatuses() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.DELETION_REQUESTS.name(),
                        Consumed.with(Topics.DELETION_REQUESTS.keySerde(), Topics.DELETION_REQUESTS.valueSerde(registry)))
                .mapValues(request -> RequestStatus.newBuilder().setRequestId(request.getRequestId())
                        .setKind(RequestKind.DELETION).setState(RequestState.RECEIVED).setModelId(request.getModelId())
                        .setEmittedBy("test").setOccurredAt(request.getReceivedAt()).setDeadline(request.getDeadline())
                        .build())
                .to(Topics.REQUEST_STATUS.name(),
                        Produced.with(Topics.REQUEST_STATUS.keySerde(), Topics.REQUEST_STATUS.valueSerde(registry)));
        return builder.build();
    }

    @Test
    void eventsFlowThroughATopologyAndBadBytesReachTheHandler() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "schemas-streams-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(receivedStatuses(), props)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.DELETION_REQUESTS.name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            TestInputTopic<String, DeletionRequest> requests = driver.createInputTopic(Topics.DELETION_REQUESTS.name(),
                    Serdes.String().serializer(), Topics.DELETION_REQUESTS.valueSerde(registry).serializer());
            TestOutputTopic<String, RequestStatus> statuses = driver.createOutputTopic(Topics.REQUEST_STATUS.name(),
                    Serdes.String().deserializer(), Topics.REQUEST_STATUS.valueSerde(registry).deserializer());

            raw.pipeInput("req-bad", "not avro".getBytes());
            requests.pipeInput("req-1", SampleEvents.deletion("req-1"));

            assertThat(statuses.readKeyValuesToList()).singleElement().satisfies(kv -> {
                assertThat(kv.key).isEqualTo("req-1");
                assertThat(kv.value.getState()).isEqualTo(RequestState.RECEIVED);
                assertThat(kv.value.getDeadline()).isEqualTo(SampleEvents.deletion("req-1").getDeadline());
            });
        }
    }
}
