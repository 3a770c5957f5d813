package io.unlearn.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.DeletionRequest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serializer and deserializer built by class name from client properties, as plain clients do. */
class ConfiguredSerdesTest {

    @Test
    void roundTripThroughTheRestClientConfiguredFromProperties() throws IOException {
        try (FakeRegistryServer server = new FakeRegistryServer();
             EventSerializer<DeletionRequest> serializer = new EventSerializer<>();
             EventDeserializer<DeletionRequest> deserializer = new EventDeserializer<>()) {
            Map<String, Object> props = Map.of(
                    SchemaRegistryConfig.URL_CONFIG, server.url(),
                    SchemaRegistryConfig.BEARER_AUTH_TOKEN_CONFIG, "tok",
                    EventSerdes.EVENT_TYPE_CONFIG, DeletionRequest.class.getName());
            serializer.configure(props, false);
            deserializer.configure(props, false);
            DeletionRequest request = SampleEvents.deletion("r-1");
            byte[] bytes = serializer.serialize("unlearn.requests.deletion", request);
            assertThat(deserializer.deserialize("unlearn.requests.deletion", bytes)).isEqualTo(request);
            assertThat(server.requests()).extracting(FakeRegistryServer.Recorded::path)
                    .containsExactly("/subjects/unlearn.requests.deletion-value/versions", "/schemas/ids/1");
            assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer tok");
        }
    }
}
