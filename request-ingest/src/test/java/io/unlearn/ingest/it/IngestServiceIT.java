package io.unlearn.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Signature;
import io.unlearn.ingest.IngestService;
import io.unlearn.ingest.internals.RequestSignatures;
import io.unlearn.schemas.DeadLetterHeaders;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** request-ingest on the real broker and registry: acceptance, de-duplication, every kind of bad input. */
@ExtendWith(LocalStackExtension.class)
class IngestServiceIT {
    private static final byte[] KEY = "bank-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void validRequestsAreAcceptedDuplicatesOnceAndEveryInvalidKindRejectedWithItsReason(LocalStack stack) {
        IngestStackFixture f = new IngestStackFixture(stack);
        try (IngestService ingest = f.startIngest("request.max.samples", "15",
                "signing.keys", "bank:k1:" + Base64.getEncoder().encodeToString(KEY), "signing.required.requesters", "bank")) {
            Instant now = Instant.now();
            DeletionRequest good = request(f, "good", now).setSubjectId(f.prefix + "-subject-3").build();
            DeletionRequest signed = request(f, "signed", now).setRequester("bank").setSampleIds(List.of(f.sample(0))).build();
            signed.setSignature(new Signature(RequestSignatures.ALGORITHM, "k1",
                    ByteBuffer.wrap(RequestSignatures.sign(KEY, RequestSignatures.canonical(signed)))));
            DeletionRequest forged = request(f, "forged", now).setRequester("bank").setSampleIds(List.of(f.sample(0))).build();
            forged.setSignature(new Signature(RequestSignatures.ALGORITHM, "k1", ByteBuffer.wrap(new byte[32])));
            List<DeletionRequest> requests = List.of(good, good, signed, forged,
                    request(f, "unknown-model", now).setModelId("nope").setSampleIds(List.of(f.sample(1))).build(),
                    request(f, "unknown-ids", now).setSampleIds(List.of("no-such-sample")).build(),
                    request(f, "empty", now).build(),
                    request(f, "oversized", now).setSampleIds(IntStream.range(0, 20).mapToObj(f::sample).toList()).build(),
                    request(f, "past-deadline", now).setSampleIds(List.of(f.sample(2))).setDeadline(now.minusSeconds(60)).build(),
                    request(f, "unsigned", now).setRequester("bank").setSampleIds(List.of(f.sample(2))).build());
            f.produce(Topics.DELETION_REQUESTS.name(), EventSerdes.serde(DeletionRequest.class, f.registry).serializer(),
                    requests.stream().map(r -> Map.entry(r.getRequestId(), r)).toList());
            rawBytes(f, f.prefix + "-garbage", new byte[] {1, 2, 3});
            rawBytes(f, f.prefix + "-unknown-schema", new byte[] {0, 0x7f, 0, 0, 1, 2, 2, 'a'});

            List<ConsumerRecord<String, AcceptedRequest>> accepted = f.readUntil(Topics.ACCEPTED_REQUESTS.name(),
                    EventSerdes.keySerde().deserializer(), EventSerdes.serde(AcceptedRequest.class, f.registry).deserializer(),
                    r -> r.value().getRequestId().startsWith(f.prefix), all -> all.size() >= 2, Duration.ofSeconds(60));
            assertThat(accepted).extracting(r -> r.value().getRequestId()).containsExactlyInAnyOrder(f.prefix + "-good", f.prefix + "-signed");
            AcceptedRequest resolved = accepted.stream().filter(r -> r.value().getRequestId().endsWith("-good")).findFirst().orElseThrow().value();
            assertThat(resolved.getSampleIds()).containsExactlyElementsOf(IntStream.range(30, 40).mapToObj(f::sample).toList());

            Map<String, String> rejections = f.readUntil(Topics.REQUEST_STATUS.name(), EventSerdes.keySerde().deserializer(),
                            EventSerdes.serde(RequestStatus.class, f.registry).deserializer(),
                            r -> r.key().startsWith(f.prefix) && r.value().getState() == RequestState.REJECTED,
                            all -> all.size() >= 9, Duration.ofSeconds(60))
                    .stream().collect(Collectors.toMap(r -> r.key().substring(f.prefix.length() + 1), r -> r.value().getReason()));
            assertThat(rejections).containsOnlyKeys("forged", "unknown-model", "unknown-ids", "empty", "oversized",
                    "past-deadline", "unsigned", "garbage", "unknown-schema");
            assertThat(rejections.get("forged")).contains("bad signature");
            assertThat(rejections.get("unknown-model")).contains("unknown model 'nope'");
            assertThat(rejections.get("unknown-ids")).contains("unknown sample ids (e.g. [no-such-sample])");
            assertThat(rejections.get("empty")).contains("names neither a subjectId nor sampleIds");
            assertThat(rejections.get("oversized")).contains("more than the limit of 15");
            assertThat(rejections.get("past-deadline")).contains("has already passed");
            assertThat(rejections.get("unsigned")).contains("must sign");
            assertThat(rejections.get("garbage")).contains("undecodable");
            assertThat(rejections.get("unknown-schema")).contains("schema id").contains("unknown");

            List<ConsumerRecord<byte[], byte[]>> dead = f.readUntil(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer(), r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).startsWith(f.prefix),
                    all -> all.size() >= 9, Duration.ofSeconds(30));
            assertThat(dead).hasSize(9).allSatisfy(r -> assertThat(r.headers().lastHeader(DeadLetterHeaders.REASON)).isNotNull());
            assertThat(ingest.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static DeletionRequest.Builder request(IngestStackFixture f, String name, Instant now) {
        return DeletionRequest.newBuilder().setRequestId(f.prefix + "-" + name).setRequester("compliance")
                .setModelId(f.model).setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now.minusSeconds(5))
                .setDeadline(now.plus(Duration.ofDays(30)));
    }

    private static void rawBytes(IngestStackFixture f, String key, byte[] value) {
        Map<String, Object> p = new HashMap<>(f.clientProps());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DELETION_REQUESTS.name(), key.getBytes(StandardCharsets.UTF_8), value));
        }
    }
}
