package io.unlearn.bench.evaluator;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads a model's versions and their reports (basic at index 0, challenge at 1) as they are committed, with a deadline. */
record ReportWaiter(LocalStack stack, SchemaRegistryClient registry, String model) {

    List<ModelVersion> versions(int atLeast, Duration timeout) {
        List<ModelVersion> out = new ArrayList<>();
        try (KafkaConsumer<String, ModelVersion> c = consumer(EventSerdes.serde(ModelVersion.class, registry).deserializer(), Topics.MODEL_VERSIONS.name())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ModelVersion> r : c.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && r.value().getModelId().equals(model)) {
                        out.add(r.value());
                    }
                }
            }
        }
        return out;
    }

    /** Waits until every version has its basic report and every UNLEARNED one its challenge report, or the timeout. */
    Map<String, EvaluationReport[]> reports(List<ModelVersion> versions, Duration timeout) {
        Map<String, EvaluationReport[]> out = new HashMap<>();
        try (KafkaConsumer<String, EvaluationReport> c = consumer(EventSerdes.serde(EvaluationReport.class, registry).deserializer(),
                Topics.EVALUATION_REPORTS.name())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!complete(versions, out) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EvaluationReport> r : c.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && r.value().getModelId().equals(model)) {
                        out.computeIfAbsent(r.value().getVersionId(), k -> new EvaluationReport[2])[r.value().getWorstCase() == null ? 0 : 1] = r.value();
                    }
                }
            }
        }
        return out;
    }

    private static boolean complete(List<ModelVersion> versions, Map<String, EvaluationReport[]> reports) {
        return versions.stream().allMatch(v -> {
            EvaluationReport[] r = reports.get(v.getVersionId());
            return r != null && r[0] != null && (!EvaluatorBenchmark.challenged(v) || r[0].getTestAccuracy() == null || r[1] != null);
        });
    }

    private <V> KafkaConsumer<String, V> consumer(org.apache.kafka.common.serialization.Deserializer<V> values, String topic) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", stack.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, V> c = new KafkaConsumer<>(p, EventSerdes.keySerde().deserializer(), values);
        c.subscribe(List.of(topic));
        return c;
    }
}
