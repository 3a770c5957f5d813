package io.unlearn.schemas;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sanity of the topic catalogue. */
class TopicsTest {

    @Test
    void theNineTopicsOfTheDesign() {
        assertThat(Topics.ALL).extracting(Topic::name).containsExactly(
                "unlearn.requests.deletion", "unlearn.requests.concept", "unlearn.requests.accepted",
                "unlearn.requests.status", "unlearn.requests.dlq", "unlearn.catalog.samples",
                "unlearn.catalog.forgotten", "unlearn.models.versions", "unlearn.eval.reports");
        assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates();
        assertThat(Topics.byName("unlearn.eval.reports")).containsSame(Topics.EVALUATION_REPORTS);
    }

    @Test
    void everyTopicIsDocumented() {
        for (Topic<?, ?> topic : Topics.ALL) {
            assertThat(topic.doc()).as(topic.name()).isNotBlank();
            assertThat(topic.keyDoc()).as(topic.name()).isNotBlank();
        }
    }

    @Test
    void auditTopicsKeepForeverAndCatalogTopicsAreCompacted() {
        Set<Topic<?, ?>> compacted = Set.of(Topics.SAMPLES, Topics.FORGOTTEN_SAMPLES);
        for (Topic<?, ?> topic : Topics.ALL) {
            assertThat(topic.retentionMs()).as(topic.name()).isEqualTo(Topic.RETENTION_FOREVER);
            assertThat(topic.configs()).as(topic.name()).containsEntry("retention.ms", "-1");
            assertThat(topic.cleanupPolicy()).as(topic.name())
                    .isEqualTo(compacted.contains(topic) ? CleanupPolicy.COMPACT : CleanupPolicy.DELETE);
            assertThat(topic.partitions()).as(topic.name()).isEqualTo(Topic.DEFAULT_PARTITIONS);
        }
    }

    @Test
    void avroTopicsUseStringKeysAndTopicNameStrategySubjects() {
        assertThat(Topics.avroTopics()).hasSize(8);
        for (Topic<?, ?> topic : Topics.avroTopics()) {
            assertThat(topic.valueSubject()).contains(topic.name() + "-value");
            @SuppressWarnings("unchecked")
            Topic<String, ?> stringKeyed = (Topic<String, ?>) topic;
            assertThat(stringKeyed.keySerde().serializer().serialize(topic.name(), "req-ä"))
                    .isEqualTo("req-ä".getBytes(StandardCharsets.UTF_8));
            Schema schema = topic.valueSchema().orElseThrow();
            assertThat(schema.getNamespace()).isEqualTo("io.unlearn.events");
            assertThat(schema.getDoc()).as("%s doc names its topic", schema.getName()).contains(topic.name());
            assertThat(schema.getDoc()).as("%s doc names its key", schema.getName()).contains(topic.keyDoc());
        }
    }

    @Test
    void theDeadLetterTopicKeepsRawBytes() {
        assertThat(Topics.DEAD_LETTERS.valueSchema()).isEmpty();
        assertThat(Topics.DEAD_LETTERS.valueSubject()).isEmpty();
        byte[] raw = {1, 2, 3};
        assertThat(Topics.DEAD_LETTERS.valueSerde(null).serializer().serialize("x", raw)).isEqualTo(raw);
    }

    @Test
    void topicsCanBeRenamedForTestsAndPrefixes() {
        Topic<String, ?> copy = Topics.SAMPLES.withName("test.samples");
        assertThat(copy.name()).isEqualTo("test.samples");
        assertThat(copy.valueSubject()).contains("test.samples-value");
        assertThat(copy.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(copy.valueType()).isEqualTo(Topics.SAMPLES.valueType());
    }

    @Test
    void badTopicDefinitionsAreRefused() {
        assertThatThrownBy(() -> Topic.bytes("bad name").setDoc("d").setKeyDoc("k").build())
                .isInstanceOf(ContractException.class).hasMessageContaining("not a legal Kafka topic name");
        assertThatThrownBy(() -> Topic.bytes("t").setKeyDoc("k").build()).hasMessageContaining("needs a doc");
        assertThatThrownBy(() -> Topic.bytes("t").setDoc("d").setKeyDoc("k").optPartitions(0).build())
                .hasMessageContaining("at least 1");
        assertThat(List.of(Topic.bytes("t").setDoc("d").setKeyDoc("k").optRetention(1000).build().configs()))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("retention.ms", "1000"));
    }
}
