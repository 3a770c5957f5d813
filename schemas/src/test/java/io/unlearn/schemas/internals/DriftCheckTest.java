package io.unlearn.schemas.internals;

import io.unlearn.schemas.Topic;
import io.unlearn.schemas.TopicDrift;
import io.unlearn.schemas.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DriftCheckTest {

    @Test
    void aMatchingTopicHasNoDrift() {
        assertThat(DriftCheck.compare(Topics.REQUEST_STATUS, 3,
                Map.of("cleanup.policy", "delete", "retention.ms", "-1", "segment.ms", "1"))).isEmpty();
        assertThat(DriftCheck.compare(Topics.SAMPLES, 3,
                Map.of("cleanup.policy", "compact", "retention.ms", "-1"))).isEmpty();
    }

    @Test
    void everyDifferenceIsReportedWithAFix() {
        Topic<?, ?> topic = Topics.REQUEST_STATUS;
        List<TopicDrift> drift = DriftCheck.compare(topic, 1,
                Map.of("cleanup.policy", "compact,delete", "retention.ms", "604800000"));
        assertThat(drift).extracting(TopicDrift::setting)
                .containsExactly("partitions", "cleanup.policy", "retention.ms");
        assertThat(drift.get(2).describe()).isEqualTo("unlearn.requests.status: retention.ms is 604800000,"
                + " expected -1. Fix: kafka-configs.sh --bootstrap-server <broker> --alter --entity-type topics"
                + " --entity-name unlearn.requests.status --add-config retention.ms=-1");
        assertThat(drift.get(0).fix()).contains("--partitions 3");
    }

    @Test
    void tooManyPartitionsIsDriftThatCannotBeUndone() {
        List<TopicDrift> drift = DriftCheck.compare(Topics.SAMPLES, 6,
                Map.of("cleanup.policy", "compact", "retention.ms", "-1"));
        assertThat(drift).singleElement().satisfies(d -> assertThat(d.fix()).contains("cannot remove partitions"));
    }

    @Test
    void missingConfigIsDrift() {
        assertThat(DriftCheck.compare(Topics.SAMPLES, 3, Map.of("cleanup.policy", "compact")))
                .extracting(TopicDrift::actual).containsExactly("null");
    }
}
