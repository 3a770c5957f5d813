package io.unlearn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.Checkpoint;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.schemas.Digests;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link Audit#replay} on the real stack: a consistent history verifies; a forged version and a corrupted artifact are named. */
@ExtendWith(LocalStackExtension.class)
class AuditReplayIT {

    @Test
    void aConsistentHistoryVerifiesAndTamperingIsDetectedAndNamed(LocalStack stack, @TempDir Path dir) throws Exception {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        EventContract.install(Map.of("bootstrap.servers", stack.bootstrapServers()), registry);
        String model = "audit-it-" + UUID.randomUUID().toString().substring(0, 8);
        CheckpointStore store = new CheckpointStore(dir.resolve("artifacts"));
        Checkpoint base = checkpoint(store, 1);
        Checkpoint unlearned = checkpoint(store, 2);
        Instant now = Instant.now();
        String r1 = model + "-r1";
        ModelVersion v1 = version(model, 1, null, base, List.of(), null, now.minusSeconds(120));
        ModelVersion v2 = version(model, 2, v1, unlearned, List.of(r1), Digests.forgetSetDigest(List.of("s1", "s2")), now.minusSeconds(60));
        send(stack, registry, Topics.MODEL_VERSIONS, model, v1);
        send(stack, registry, Topics.ACCEPTED_REQUESTS, model, AcceptedRequest.newBuilder().setRequestId(r1).setKind(RequestKind.DELETION)
                .setModelId(model).setRequester("dpo").setSampleIds(List.of("s1", "s2")).setReceivedAt(now.minusSeconds(100))
                .setAcceptedAt(now.minusSeconds(100)).setDeadline(now.plusSeconds(3600)).build());
        for (RequestState s : List.of(RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED, RequestState.APPLIED, RequestState.VERIFIED)) {
            send(stack, registry, Topics.REQUEST_STATUS, r1, RequestStatus.newBuilder().setRequestId(r1).setKind(RequestKind.DELETION).setState(s)
                    .setModelId(model).setVersionId(s.ordinal() >= RequestState.APPLIED.ordinal() ? v2.getVersionId() : null)
                    .setEmittedBy("audit-it").setOccurredAt(now.minusSeconds(90)).setDeadline(now.plusSeconds(3600)).build());
            if (s == RequestState.BATCHED) {
                send(stack, registry, Topics.MODEL_VERSIONS, model, v2);
                for (String sample : List.of("s1", "s2")) {
                    send(stack, registry, Topics.FORGOTTEN_SAMPLES, Topics.forgottenKey(model, sample), ForgottenSample.newBuilder()
                            .setSampleId(sample).setRequestId(r1).setModelId(model).setVersionId(v2.getVersionId())
                            .setForgottenAt(v2.getCreatedAt()).build());
                }
                send(stack, registry, Topics.EVALUATION_REPORTS, v2.getVersionId(), EvaluationReport.newBuilder().setVersionId(v2.getVersionId())
                        .setModelId(model).setVersion(2).setKind(ModelVersionKind.UNLEARNED).setMethod("SalUn").setAppliedRequestIds(List.of(r1))
                        .setVerdict(Verdict.CERTIFIED).setEvaluatedAt(now.minusSeconds(30)).build());
            }
        }
        AuditOptions options = AuditOptions.custom().setBootstrapServers(stack.bootstrapServers()).setRegistryUrl(stack.registryUrl())
                .optModelPrefix(model).build();
        AuditResult ok = Audit.replay(options);
        String text = AuditReport.text().render(ok);
        assertThat(ok.verified()).as(text).isTrue();
        assertThat(text).contains("Audit of 1 model(s) [" + model + "]").contains(v2.getVersionId()).contains("CERTIFIED");
        assertThat(ok.verdictLine()).startsWith("audit verified");
        AuditReport.json().write(ok, dir.resolve("audit.json"));
        AuditReport.html().write(ok, dir.resolve("audit.html"));
        assertThat(Files.readString(dir.resolve("audit.json"))).contains("\"verified\" : true");
        assertThat(Files.readString(dir.resolve("audit.html"))).contains(v2.getVersionId());

        ModelVersion forged = ModelVersion.newBuilder(version(model, 3, v2, unlearned, List.of(), v2.getExcludedSamplesDigest(), now))
                .setLineageHash(v2.getLineageHash()).build();
        send(stack, registry, Topics.MODEL_VERSIONS, model, forged);
        Path parameters = unlearned.parametersFile();
        byte[] bytes = Files.readAllBytes(parameters);
        bytes[bytes.length / 2] ^= 1;
        Files.write(parameters, bytes);
        AuditResult failed = Audit.replay(options);
        assertThat(failed.verified()).as(AuditReport.text().render(failed)).isFalse();
        assertThat(failed.failures()).extracting(Finding::line)
                .anyMatch(l -> l.contains("forged or altered version event " + model + "@v3"))
                .anyMatch(l -> l.contains("altered artifact: model file " + parameters));
        assertThat(failed.verdictLine()).startsWith("audit FAILED:").contains("lineage").contains("artifacts").doesNotContain("\n");
        StringWriter json = new StringWriter();
        AuditReport.json().write(failed, json);
        assertThat(json.toString()).contains("\"verified\" : false");
    }

    @Test
    void aConsistentForgeryPublishedStraightToTheVersionsTopicIsNamedByItsSignature(LocalStack stack, @TempDir Path dir) throws Exception {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        EventContract.install(Map.of("bootstrap.servers", stack.bootstrapServers()), registry);
        String model = "audit-sig-" + UUID.randomUUID().toString().substring(0, 8);
        java.security.KeyPair worker = io.unlearn.schemas.SigningKeys.generate();
        java.security.KeyPair evaluator = io.unlearn.schemas.SigningKeys.generate();
        java.security.KeyPair forger = io.unlearn.schemas.SigningKeys.generate();
        io.unlearn.schemas.SigningKeys.writePublic(worker.getPublic(), dir.resolve("trusted/worker.pub"));
        io.unlearn.schemas.SigningKeys.writePublic(evaluator.getPublic(), dir.resolve("trusted-evaluator.pub"));
        CheckpointStore store = new CheckpointStore(dir.resolve("artifacts"));
        Instant now = Instant.now();
        ModelVersion v1 = signed(version(model, 1, null, checkpoint(store, 1), List.of(), null, now.minusSeconds(60)), worker);
        send(stack, registry, Topics.MODEL_VERSIONS, model, v1);
        send(stack, registry, Topics.EVALUATION_REPORTS, v1.getVersionId(), io.unlearn.schemas.EventSignatures.sign(EvaluationReport.newBuilder()
                .setVersionId(v1.getVersionId()).setModelId(model).setVersion(1).setKind(ModelVersionKind.BASE).setMethod("train")
                .setVerdict(Verdict.CERTIFIED).setEvaluatedAt(now.minusSeconds(50)).build(), evaluator.getPrivate(),
                io.unlearn.schemas.SigningKeys.keyId(evaluator.getPublic())));
        AuditOptions options = AuditOptions.custom().setBootstrapServers(stack.bootstrapServers()).setRegistryUrl(stack.registryUrl())
                .optModelPrefix(model).optSigners(new AuditSigners(io.unlearn.schemas.TrustedKeys.load(List.of(dir.resolve("trusted"))),
                        io.unlearn.schemas.TrustedKeys.load(List.of(dir.resolve("trusted-evaluator.pub"))))).build();
        AuditResult ok = Audit.replay(options);
        assertThat(ok.verified()).as(AuditReport.text().render(ok)).isTrue();
        assertThat(ok.warnings()).as("every signature checked").noneMatch(w -> w.check().equals("signatures"));

        // the forger's own weights as a version of the real v1, lineage hash recomputed: consistent in every other respect
        Checkpoint own = checkpoint(store, 99);
        ModelVersion unsigned = version(model, 2, v1, own, List.of(), null, now.minusSeconds(10));
        ModelVersion otherKey = signed(version(model, 3, unsigned, own, List.of(), null, now), forger);
        send(stack, registry, Topics.MODEL_VERSIONS, model, unsigned);
        send(stack, registry, Topics.MODEL_VERSIONS, model, otherKey);
        AuditResult failed = Audit.replay(options);
        String text = AuditReport.text().render(failed);
        assertThat(failed.verified()).as(text).isFalse();
        assertThat(failed.failures()).filteredOn(x -> x.check().equals("signatures")).extracting(Finding::subject)
                .containsExactlyInAnyOrder(unsigned.getVersionId(), otherKey.getVersionId());
        assertThat(failed.failures()).as("the lineage and the artifacts are consistent: only the signatures tell")
                .noneMatch(x -> x.check().equals("lineage") || x.check().equals("artifacts"));
        assertThat(text).contains(unsigned.getVersionId()).contains("unsigned")
                .contains(io.unlearn.schemas.SigningKeys.keyId(forger.getPublic()) + ", which is not a trusted worker key");
    }

    private static ModelVersion signed(ModelVersion v, java.security.KeyPair key) {
        return io.unlearn.schemas.EventSignatures.sign(v, key.getPrivate(), io.unlearn.schemas.SigningKeys.keyId(key.getPublic()));
    }

    private static Checkpoint checkpoint(CheckpointStore store, long seed) {
        ModelSpec spec = ModelSpec.mlp(List.of(1L, 28L, 28L), 10, TrainingSpec.builder().optSeed(seed).build());
        try (Classifier model = Classifier.create(spec, Device.cpu())) {
            return store.save(model, ArtifactMetadata.trained(spec));
        }
    }

    private static ModelVersion version(String model, long n, ModelVersion parent, Checkpoint artifact, List<String> applied,
                                        String excluded, Instant at) {
        return ModelVersion.newBuilder().setModelId(model).setVersion(n).setVersionId(model + "@v" + n)
                .setParentVersionId(parent == null ? null : parent.getVersionId()).setKind(n == 1 ? ModelVersionKind.BASE : ModelVersionKind.UNLEARNED)
                .setMethod(n == 1 ? "train" : "SalUn").setArtifactUri(artifact.directory().toUri().toString()).setArtifactSha256(artifact.sha256())
                .setAppliedRequestIds(applied).setForgetSetSize(applied.isEmpty() ? 0 : 2).setExcludedSamplesDigest(excluded)
                .setLineageHash(Digests.lineageHash(parent == null ? null : parent.getLineageHash(), artifact.sha256(), applied))
                .setCreatedAt(at).build();
    }

    private static <V extends SpecificRecord> void send(LocalStack stack, SchemaRegistryClient registry, Topic<String, V> topic, String key,
                                                        V value) throws Exception {
        try (KafkaProducer<String, V> p = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                EventSerdes.keySerde().serializer(), EventSerdes.serde(topic.valueType(), registry).serializer())) {
            p.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }
}
