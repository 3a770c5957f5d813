package io.unlearn.ingest;

import static io.unlearn.ingest.IngestFixture.NOW;
import static io.unlearn.ingest.IngestFixture.concept;
import static io.unlearn.ingest.IngestFixture.deletion;
import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Signature;
import io.unlearn.ingest.internals.RequestSignatures;
import io.unlearn.schemas.DeadLetterHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class IngestTopologyTest {
    private static final byte[] KEY = "secret-key".getBytes(StandardCharsets.UTF_8);

    private static List<RequestState> states(IngestFixture f) {
        return f.statuses.readValuesToList().stream().map(RequestStatus::getState).toList();
    }

    @Test
    void aSubjectIsResolvedToItsSamplesAndAccepted() {
        try (IngestFixture f = new IngestFixture(IngestRules.ofDefaults())) {
            f.send(deletion("r1").setSampleIds(List.of("s4")).build());
            TestRecord<String, AcceptedRequest> out = f.accepted.readRecord();
            assertThat(out.key()).isEqualTo("fmnist-cnn");
            assertThat(out.value().getSampleIds()).containsExactly("s1", "s2", "s3", "s4");
            assertThat(out.value().getKind()).isEqualTo(RequestKind.DELETION);
            assertThat(out.value().getAcceptedAt()).isEqualTo(NOW);
            assertThat(states(f)).containsExactly(RequestState.RECEIVED, RequestState.ACCEPTED);
            assertThat(f.deadLetters.isEmpty()).isTrue();
            assertThat(f.history().get("r1")).contains("RECEIVED").contains("ACCEPTED");
        }
    }

    @Test
    void aResentRequestIsAcknowledgedOnceAndAReusedIdIsDeadLettered() {
        try (IngestFixture f = new IngestFixture(IngestRules.ofDefaults())) {
            f.send(deletion("r1").build());
            f.send(deletion("r1").build());
            f.send(deletion("r1").setSubjectId("subject-2").build());
            assertThat(f.accepted.readValuesToList()).hasSize(1);
            assertThat(states(f)).containsExactly(RequestState.RECEIVED, RequestState.ACCEPTED);
            TestRecord<byte[], byte[]> dead = f.deadLetters.readRecord();
            assertThat(header(dead, DeadLetterHeaders.REASON)).contains("already used for a different request");
            assertThat(f.meters.counter("unlearn.ingest.requests", "outcome", "duplicate").count()).isEqualTo(1.0);
        }
    }

    @Test
    void undecodableBytesAreDeadLetteredWithTheirOriginAndTheRequestRejected() {
        try (IngestFixture f = new IngestFixture(IngestRules.ofDefaults())) {
            byte[] garbage = {0, 0, 0, 0, 99, 1, 2};
            f.deletionBytes.pipeInput("bad-1", garbage);
            TestRecord<byte[], byte[]> dead = f.deadLetters.readRecord();
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad-1");
            assertThat(header(dead, DeadLetterHeaders.REASON)).startsWith("undecodable value:").contains("schema id 99");
            assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("unlearn.requests.deletion");
            assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
            assertThat(header(dead, DeadLetterHeaders.EXCEPTION)).contains("SerializationException");
            assertThat(states(f)).containsExactly(RequestState.RECEIVED, RequestState.REJECTED);
        }
    }

    @Test
    void everyInvalidKindIsRejectedWithItsReason() {
        IngestRules rules = IngestRules.custom().optMaxSamples(3).optSigningKey("bank", "k1", KEY).optRequireSignature("bank").build();
        try (IngestFixture f = new IngestFixture(rules)) {
            assertRejected(f, deletion("a").setModelId("nope").build(), "unknown model 'nope'");
            assertRejected(f, deletion("b").setSubjectId(null).setSampleIds(List.of("s1", "x9")).build(), "1 unknown sample ids (e.g. [x9])");
            assertRejected(f, deletion("c").setSubjectId(null).build(), "names neither a subjectId nor sampleIds");
            assertRejected(f, deletion("d").setSampleIds(List.of("s4")).build(), "resolves to 4 samples, more than the limit of 3");
            assertRejected(f, deletion("e").setDeadline(NOW.minus(Duration.ofMinutes(1))).build(), "has already passed");
            assertRejected(f, deletion("f").setRequester("bank").build(), "must sign its requests");
            DeletionRequest forged = deletion("g").setRequester("bank").build();
            forged.setSignature(new Signature(RequestSignatures.ALGORITHM, "k1", ByteBuffer.wrap(new byte[32])));
            assertRejected(f, forged, "bad signature");
            assertRejected(f, deletion("h").setSubjectId("ghost").build(), "subject 'ghost' owns no catalogued sample");
            assertRejected(f, deletion("bad id!").build(), "requestId 'bad id!' must be");
        }
    }

    @Test
    void aCorrectlySignedRequestIsAccepted() {
        IngestRules rules = IngestRules.custom().optSigningKey("bank", "k1", KEY).optRequireSignature("bank").build();
        try (IngestFixture f = new IngestFixture(rules)) {
            DeletionRequest r = deletion("signed").setRequester("bank").build();
            r.setSignature(new Signature(RequestSignatures.ALGORITHM, "k1",
                    ByteBuffer.wrap(RequestSignatures.sign(KEY, RequestSignatures.canonical(r)))));
            f.send(r);
            assertThat(f.accepted.readValue().getRequestId()).isEqualTo("signed");
        }
    }

    @Test
    void aRequesterWithAnEd25519KeyMustSignWithItAndAnythingElseIsRejectedAndDeadLettered() {
        java.security.KeyPair bank = io.unlearn.schemas.SigningKeys.generate();
        java.security.KeyPair other = io.unlearn.schemas.SigningKeys.generate();
        IngestRules rules = IngestRules.custom().optSigningKey("bank", "k1", KEY).optPublicKey("bank", bank.getPublic()).build();
        try (IngestFixture f = new IngestFixture(rules)) {
            DeletionRequest signed = deletion("ed-ok").setRequester("bank").build();
            signed.setSignature(RequestSignatures.signEd25519(bank.getPrivate(), RequestSignatures.canonical(signed)));
            f.send(signed);
            assertThat(f.accepted.readValue().getRequestId()).isEqualTo("ed-ok");
            f.statuses.readValuesToList();

            assertRejected(f, deletion("ed-unsigned").setRequester("bank").build(), "has an Ed25519 public key configured and must sign");
            DeletionRequest hmac = deletion("ed-hmac").setRequester("bank").build();
            hmac.setSignature(new Signature(RequestSignatures.ALGORITHM, "k1",
                    ByteBuffer.wrap(RequestSignatures.sign(KEY, RequestSignatures.canonical(hmac)))));
            assertRejected(f, hmac, "must carry an Ed25519 signature; this one is signed with HmacSHA256");
            DeletionRequest otherKey = deletion("ed-other").setRequester("bank").build();
            otherKey.setSignature(RequestSignatures.signEd25519(other.getPrivate(), RequestSignatures.canonical(otherKey)));
            assertRejected(f, otherKey, "is not one of requester 'bank's public keys");
            DeletionRequest altered = deletion("ed-altered").setRequester("bank").build();
            altered.setSignature(RequestSignatures.signEd25519(bank.getPrivate(), RequestSignatures.canonical(altered)));
            altered.setSampleIds(List.of("s1"));
            assertRejected(f, altered, "bad Ed25519 signature");
            DeletionRequest noKey = deletion("ed-nokey").setRequester("someone").build();
            noKey.setSignature(RequestSignatures.signEd25519(other.getPrivate(), RequestSignatures.canonical(noKey)));
            assertRejected(f, noKey, "no Ed25519 public key is configured for requester 'someone'");
        }
    }

    @Test
    void alreadyForgottenSamplesAreAcknowledgedAndNotSentAgain() {
        try (IngestFixture f = new IngestFixture(IngestRules.ofDefaults())) {
            f.forgotten("s1", "fmnist-cnn@v2");
            f.send(deletion("r2").build());
            assertThat(f.accepted.readValue().getSampleIds()).containsExactly("s2", "s3");
            List<RequestStatus> st = f.statuses.readValuesToList();
            assertThat(st.get(1).getReason()).contains("1 of 3 samples already forgotten (e.g. s1 by fmnist-cnn@v2)");
        }
    }

    @Test
    void conceptRequestsAreCheckedAgainstTheCatalogueLabels() {
        try (IngestFixture f = new IngestFixture(IngestRules.ofDefaults())) {
            f.send(concept("c1").build());
            AcceptedRequest a = f.accepted.readValue();
            assertThat(a.getKind()).isEqualTo(RequestKind.CONCEPT);
            assertThat(a.getConceptLabels()).containsExactly("Sandal", "Sneaker");
            f.send(concept("c2").setConceptLabels(List.of("Unicorn")).build());
            assertThat(f.accepted.isEmpty()).isTrue();
            assertThat(f.statuses.readValuesToList()).extracting(RequestStatus::getReason).last().asString()
                    .contains("unknown labels [Unicorn]");
        }
    }

    @Test
    void aPatternConceptNamedByItsStampedExamplesPassesWhenTheCatalogueIsOfTheStampedDataset() {
        try (IngestFixture f = new IngestFixture(IngestRules.ofDefaults())) {
            List<String> stamped = new java.util.ArrayList<>();
            for (int i = 0; i < IngestRules.DEFAULT_MAX_LABELS * 3; i++) {
                String id = String.format(java.util.Locale.ROOT, "fmnist-stamped/train/%06d-stamped", i);
                f.sample(id, "subject-s" + i, "Trouser");
                stamped.add(id);
            }
            f.send(concept("stamp").setConceptName("corner-stamp").setConceptLabels(List.of()).setExampleSampleIds(stamped).build());
            AcceptedRequest a = f.accepted.readValue();
            assertThat(a.getKind()).isEqualTo(RequestKind.CONCEPT);
            assertThat(a.getSampleIds()).as("more examples than the label limit: examples count against request.max.samples")
                    .containsExactlyInAnyOrderElementsOf(stamped);

            f.send(concept("stamp-unknown").setConceptLabels(List.of())
                    .setExampleSampleIds(List.of("fmnist-stamped/train/999999-stamped")).build());
            assertThat(f.accepted.isEmpty()).isTrue();
            assertThat(f.statuses.readValuesToList()).extracting(RequestStatus::getReason).last().asString()
                    .contains("1 unknown sample ids (e.g. [fmnist-stamped/train/999999-stamped])");
        }
        try (IngestFixture f = new IngestFixture(IngestRules.custom().optMaxSamples(2).build())) {
            f.send(concept("too-many").setConceptLabels(List.of()).setExampleSampleIds(List.of("s1", "s2", "s3")).build());
            assertThat(f.accepted.isEmpty()).isTrue();
            assertThat(f.statuses.readValuesToList()).extracting(RequestStatus::getReason).last().asString()
                    .contains("names 3 example samples, more than the limit of 2 (request.max.samples)");
        }
    }

    @Test
    void aKeyThatIsNotTheRequestIdIsRejected() {
        try (IngestFixture f = new IngestFixture(IngestRules.ofDefaults())) {
            f.pipe("unlearn.requests.deletion", "other", DeletionRequest.class, deletion("r9").build());
            assertThat(header(f.deadLetters.readRecord(), DeadLetterHeaders.REASON)).contains("is not the requestId 'r9'");
        }
    }

    private static void assertRejected(IngestFixture f, DeletionRequest r, String reason) {
        f.send(r);
        assertThat(f.accepted.isEmpty()).as(r.getRequestId()).isTrue();
        List<RequestStatus> st = f.statuses.readValuesToList();
        assertThat(st).extracting(RequestStatus::getState).as(r.getRequestId()).containsExactly(RequestState.RECEIVED, RequestState.REJECTED);
        assertThat(st.get(1).getReason()).as(r.getRequestId()).contains(reason);
        assertThat(header(f.deadLetters.readRecord(), DeadLetterHeaders.REASON)).contains(reason);
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
