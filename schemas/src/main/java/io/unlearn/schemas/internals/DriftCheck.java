package io.unlearn.schemas.internals;

import io.unlearn.schemas.Topic;
import io.unlearn.schemas.TopicDrift;
import org.apache.kafka.common.config.TopicConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares an existing topic with its catalogue entry; a pure function, so it is tested without a broker. */
public final class DriftCheck {

    private DriftCheck() {
    }

    /**
     * @param topic            the catalogue entry
     * @param actualPartitions the partition count the broker has
     * @param actualConfigs    the topic's effective configs as the broker reports them
     */
    public static List<TopicDrift> compare(Topic<?, ?> topic, int actualPartitions, Map<String, String> actualConfigs) {
        List<TopicDrift> drift = new ArrayList<>();
        String name = topic.name();
        if (actualPartitions < topic.partitions()) {
            drift.add(new TopicDrift(name, "partitions", Integer.toString(topic.partitions()),
                    Integer.toString(actualPartitions),
                    "kafka-topics.sh --bootstrap-server <broker> --alter --topic " + name + " --partitions "
                            + topic.partitions() + " (keys then hash to other partitions: do it before data arrives)"));
        } else if (actualPartitions > topic.partitions()) {
            drift.add(new TopicDrift(name, "partitions", Integer.toString(topic.partitions()),
                    Integer.toString(actualPartitions),
                    "Kafka cannot remove partitions: keep it and update the catalogue, or recreate the topic"));
        }
        for (Map.Entry<String, String> expected : topic.configs().entrySet()) {
            String key = expected.getKey();
            String actual = actualConfigs.get(key);
            if (!sameValue(key, expected.getValue(), actual)) {
                drift.add(new TopicDrift(name, key, expected.getValue(), String.valueOf(actual),
                        "kafka-configs.sh --bootstrap-server <broker> --alter --entity-type topics --entity-name "
                                + name + " --add-config " + key + "=" + expected.getValue()));
            }
        }
        return drift;
    }

    private static boolean sameValue(String key, String expected, String actual) {
        if (actual == null) {
            return false;
        }
        if (TopicConfig.CLEANUP_POLICY_CONFIG.equals(key)) {
            return policies(expected).equals(policies(actual)); // "compact,delete" == "delete, compact"
        }
        return expected.trim().equals(actual.trim());
    }

    private static Set<String> policies(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
