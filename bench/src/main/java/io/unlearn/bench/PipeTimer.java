package io.unlearn.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Times records from a producer to a consumer: either straight through one topic (the raw pipe) or
 * through a topology (produce to its input, wait for the matching output keyed by the same request id).
 * The consumer is positioned at the end of the output before the first send; time runs from the first
 * send to the last arrival. Bounded: gives up after ten minutes.
 */
public final class PipeTimer {
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private final Map<String, Object> client;
    private final PrintStream out;

    /**
     * @param client Kafka client properties (bootstrap servers)
     * @param out where progress goes
     */
    public PipeTimer(Map<String, Object> client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** The figures of one timed run. */
    public record Run(int records, long nanos, double[] latenciesMs) {
        /** @return records per second, first send to last arrival */
        public double perSecond() {
            return records / (nanos / 1e9);
        }
    }

    /** @return the key of the i-th timed record */
    public static String requestId(int i) {
        return String.format("b-%08d", i);
    }

    /** Times records straight through one topic. */
    public Run rawPipe(String topic, byte[][] keys, byte[][] values) {
        return time(topic, keys, values, 0, 0, topic, new ByteArrayDeserializer(), v -> true);
    }

    /**
     * Sends {@code keys[i]/values[i]} to {@code in} (as fast as possible, or at {@code perSecond} when positive)
     * and waits for the matching record per key on {@code outTopic}; keys are {@link #requestId}(firstIndex + i).
     */
    public <V> Run throughTopology(String in, byte[][] keys, byte[][] values, int firstIndex, double perSecond,
                            String outTopic, Deserializer<V> outValues, Predicate<V> match) {
        return time(in, keys, values, firstIndex, perSecond, outTopic, outValues, match);
    }

    private <V> Run time(String in, byte[][] keys, byte[][] values, int firstIndex, double perSecond,
                         String outTopic, Deserializer<V> outValues, Predicate<V> match) {
        int n = keys.length;
        long[] sentAt = new long[n];
        long[] arrivedAt = new long[n];
        Map<String, Object> cp = new HashMap<>(client);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), outValues)) {
            List<TopicPartition> parts = consumer.partitionsFor(outTopic).stream()
                    .map(p -> new TopicPartition(outTopic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(in, keys, values, sentAt, perSecond));
            int seen = 0;
            long limit = System.nanoTime() + LIMIT.toNanos();
            while (seen < n && System.nanoTime() < limit) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null || !r.key().startsWith("b-") || !match.test(r.value())) {
                        continue;
                    }
                    int i = Integer.parseInt(r.key().substring(2)) - firstIndex;
                    if (i >= 0 && i < n && arrivedAt[i] == 0) {
                        arrivedAt[i] = System.nanoTime();
                        seen++;
                        if (seen % 20_000 == 0) {
                            out.printf("  %,d / %,d%n", seen, n);
                        }
                    }
                }
            }
            producing.join();
            if (seen < n) {
                throw new IllegalStateException("only " + seen + " of " + n + " records arrived on " + outTopic + " within " + LIMIT);
            }
        }
        long first = Long.MAX_VALUE;
        long last = 0;
        double[] latencies = new double[n];
        for (int i = 0; i < n; i++) {
            first = Math.min(first, sentAt[i]);
            last = Math.max(last, arrivedAt[i]);
            latencies[i] = (arrivedAt[i] - sentAt[i]) / 1e6;
        }
        return new Run(n, last - first, latencies);
    }

    private void produce(String topic, byte[][] keys, byte[][] values, long[] sentAt, double perSecond) {
        Map<String, Object> pp = new HashMap<>(client);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pp.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        pp.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < keys.length; i++) {
                if (perSecond > 0) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    while (System.nanoTime() < due) {
                        java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                sentAt[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, keys[i], values[i]));
            }
            producer.flush();
        }
    }

    /** Produces keyed values and waits for all acknowledgements. */
    public static <V> void produceAll(String bootstrap, String topic, Serializer<V> values, List<Map.Entry<String, V>> records) {
        Map<String, Object> pp = Map.of("bootstrap.servers", bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(pp, new StringSerializer(), values)) {
            records.forEach(r -> producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue())));
            producer.flush();
        }
    }

    /**
     * @param sorted values in ascending order
     * @param q the quantile in (0, 1]
     * @return the nearest-rank quantile, NaN when there are no values
     */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
