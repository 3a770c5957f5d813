package io.unlearn.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.ingest.IngestService;
import io.unlearn.schemas.DeadLetterHeaders;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10,000 random and mutated payloads interleaved with 1,000 valid requests: every valid one is
 * accepted, every bad one is dead-lettered exactly once (found by its source partition and offset),
 * and the application is still running. Seeded, so a failure reproduces.
 */
@ExtendWith(LocalStackExtension.class)
class IngestFuzzIT {
    private static final int BAD = 10_000;
    private static final int GOOD = 1_000;

    @Test
    void everyValidRequestIsAcceptedAndEveryBadPayloadAccountedFor(LocalStack stack) throws Exception {
        IngestStackFixture f = new IngestStackFixture(stack);
        Random random = new Random(42);
        Serializer<DeletionRequest> serializer = EventSerdes.serde(DeletionRequest.class, f.registry).serializer();
        String topic = Topics.DELETION_REQUESTS.name();
        Set<String> validIds = new HashSet<>();
        Set<String> badOffsets = new HashSet<>();
        try (IngestService ingest = f.startIngest()) {
            Map<String, Object> p = new HashMap<>(f.clientProps());
            p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                List<java.util.concurrent.Future<RecordMetadata>> bad = new java.util.ArrayList<>();
                for (int i = 0; i < BAD + GOOD; i++) {
                    if (i % 11 == 0) {
                        DeletionRequest r = valid(f, "ok-" + i, random);
                        validIds.add(r.getRequestId());
                        producer.send(new ProducerRecord<>(topic, bytes(r.getRequestId()), serializer.serialize(topic, r)));
                    } else {
                        byte[] payload = badPayload(f, serializer, topic, random, i);
                        bad.add(producer.send(new ProducerRecord<>(topic, bytes(f.prefix + "-fuzz-" + i), payload)));
                    }
                }
                producer.flush();
                for (var sent : bad) {
                    RecordMetadata m = sent.get();
                    badOffsets.add(m.partition() + "@" + m.offset());
                }
            }
            assertThat(validIds).hasSize(GOOD);
            assertThat(badOffsets).hasSize(BAD);

            List<String> accepted = f.readUntil(Topics.ACCEPTED_REQUESTS.name(), EventSerdes.keySerde().deserializer(),
                            EventSerdes.serde(AcceptedRequest.class, f.registry).deserializer(),
                            r -> r.value().getRequestId().startsWith(f.prefix), all -> all.size() >= GOOD, Duration.ofSeconds(180))
                    .stream().map(r -> r.value().getRequestId()).toList();
            assertThat(accepted).as("each valid request accepted exactly once").hasSize(GOOD);
            assertThat(Set.copyOf(accepted)).isEqualTo(validIds);

            List<ConsumerRecord<byte[], byte[]>> dead = f.readUntil(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer(), r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).startsWith(f.prefix),
                    all -> all.size() >= BAD, Duration.ofSeconds(180));
            Set<String> deadOffsets = dead.stream().map(r -> header(r, DeadLetterHeaders.SOURCE_PARTITION) + "@"
                    + header(r, DeadLetterHeaders.SOURCE_OFFSET)).collect(Collectors.toSet());
            assertThat(dead).as("one dead letter per bad payload").hasSize(BAD);
            assertThat(deadOffsets).isEqualTo(badOffsets);
            assertThat(ingest.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static DeletionRequest valid(IngestStackFixture f, String name, Random random) {
        Instant now = Instant.now();
        return DeletionRequest.newBuilder().setRequestId(f.prefix + "-" + name).setRequester("fuzz")
                .setSampleIds(List.of(f.sample(random.nextInt(100)))).setModelId(f.model).setLegalBasis(LegalBasis.GDPR_ART_17)
                .setReceivedAt(now).setDeadline(now.plus(Duration.ofDays(30))).build();
    }

    /** Random bytes, a valid header with a random body, a truncated or bit-flipped valid record, an unknown schema id, or an invalid request. */
    private static byte[] badPayload(IngestStackFixture f, Serializer<DeletionRequest> serializer, String topic, Random random, int i) {
        byte[] validBytes = serializer.serialize(topic, valid(f, "mut-" + i, random));
        switch (i % 5) {
            case 0: {
                byte[] b = new byte[random.nextInt(64)];
                random.nextBytes(b);
                return b;
            }
            case 1: {
                byte[] b = Arrays.copyOf(validBytes, validBytes.length);
                for (int k = 5; k < b.length; k++) {
                    b[k] = (byte) random.nextInt(256);
                }
                return b;
            }
            case 2:
                return Arrays.copyOf(validBytes, 5 + random.nextInt(validBytes.length - 5));
            case 3: {
                byte[] b = validBytes.clone();
                b[5 + random.nextInt(b.length - 5)] ^= (byte) (1 << random.nextInt(8));
                return b;
            }
            default: {
                byte[] b = validBytes.clone();
                b[1] = 0x55;
                return b;
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
