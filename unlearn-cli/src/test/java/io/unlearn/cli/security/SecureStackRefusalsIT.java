package io.unlearn.cli.security;

import static io.unlearn.cli.security.ServicePrincipal.AUDITOR;
import static io.unlearn.cli.security.ServicePrincipal.EVALUATOR;
import static io.unlearn.cli.security.ServicePrincipal.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.schemas.CompatibilityLevel;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackAddresses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Refusals on the secured stack come fast and say why: no rights, wrong password, someone else's group or transactions. */
class SecureStackRefusalsIT {
    private static final Duration FAST = Duration.ofSeconds(15);

    @Test
    void anAuthenticatedClientWithoutAclsIsRefusedWithAnAuthorizationErrorNotAHang() throws Exception {
        LocalStack stack = SecuredStack.get();
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        try (Admin admin = Admin.create(stack.adminClientProps())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(stranger,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> props = withUser(SecuredStack.clientOf(AUDITOR), stranger, password);
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            var sent = producer.send(new ProducerRecord<>(Topics.DELETION_REQUESTS.name(), "k", "v"));
            assertThatThrownBy(() -> sent.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(Topics.DELETION_REQUESTS.name());
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            assertThatThrownBy(() -> consumer.partitionsFor(Topics.MODEL_VERSIONS.name()))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused, not hung").isLessThan(FAST.multipliedBy(2));
    }

    @Test
    void aWrongPasswordFailsAuthenticationWithAClearError() {
        Map<String, Object> props = withUser(SecuredStack.clientOf(WORKER), WORKER.userName(), "not-the-password");
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.MODEL_VERSIONS.name(), "k", "v")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("invalid credentials");
        }
        try (Admin admin = Admin.create(props)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SaslAuthenticationException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused, not hung").isLessThan(FAST.multipliedBy(2));
    }

    @Test
    void theWorkerCommitsTransactionsAndJoinsItsGroupOthersCannotUseItsIdsOrGroups() throws Exception {
        Map<String, Object> worker = new HashMap<>(SecuredStack.clientOf(WORKER));
        worker.put("transactional.id", "unlearn-worker-unlearn-worker-it");
        try (KafkaProducer<String, String> p = new KafkaProducer<>(worker, new StringSerializer(), new StringSerializer())) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(Topics.MODEL_VERSIONS.name(), "tx-" + UUID.randomUUID(), "v"));
            p.send(new ProducerRecord<>(Topics.FORGOTTEN_SAMPLES.name(), "m|s", "f"));
            p.commitTransaction();
        }
        Map<String, Object> group = new HashMap<>(SecuredStack.clientOf(WORKER));
        group.put("group.id", "unlearn-worker");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(group, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(Topics.ACCEPTED_REQUESTS.name()));
            long deadline = System.nanoTime() + FAST.toNanos();
            while (c.assignment().isEmpty() && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200));
            }
            assertThat(c.assignment()).as("the worker joined its group").isNotEmpty();
            c.commitSync();
        }

        Map<String, Object> evaluator = new HashMap<>(SecuredStack.clientOf(EVALUATOR));
        evaluator.put("transactional.id", "unlearn-worker-unlearn-worker-it");
        try (KafkaProducer<String, String> p = new KafkaProducer<>(evaluator, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(p::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
        Map<String, Object> auditor = new HashMap<>(SecuredStack.clientOf(AUDITOR));
        auditor.put("group.id", "unlearn-worker");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(auditor, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(Topics.MODEL_VERSIONS.name()));
            assertThatThrownBy(() -> c.poll(FAST)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void theRegistryRefusesAnonymousAndWrongPasswordsAndServesAPrincipal() throws Exception {
        LocalStack stack = SecuredStack.get();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI subjects = URI.create(stack.registryUrl() + "/subjects");
        String auditor = SecuredStack.clientOf(AUDITOR).get("basic.auth.user.info").toString();
        assertThat(status(http, subjects, null)).as("anonymous").isEqualTo(401);
        assertThat(status(http, subjects, AUDITOR.userName() + ":wrong")).as("wrong password").isEqualTo(401);
        assertThat(status(http, subjects, auditor)).as("the auditor's own credentials").isEqualTo(200);
        assertThat(SecuredStack.registryOf(WORKER).compatibility()).as("the worker's registry client").isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void theControllerListenerRefusesEveryClientCredential() {
        LocalStack stack = SecuredStack.get();
        int controllerPort = LocalStackAddresses.rememberedPorts(stack.config().dataDir()).get("controller");
        for (Map<String, Object> client : List.of(SecuredStack.clientOf(WORKER), stack.adminClientProps())) {
            Map<String, Object> props = new HashMap<>(client);
            props.remove("bootstrap.servers");
            props.put("bootstrap.controllers", "127.0.0.1:" + controllerPort);
            props.put("default.api.timeout.ms", 30_000);
            try (Admin admin = Admin.create(props)) {
                assertThatThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                        .as("the controller listener knows only the broker's own PLAIN user")
                        .cause().isInstanceOf(AuthenticationException.class);
            }
        }
        Map<String, Object> anonymous = Map.of("bootstrap.controllers", "127.0.0.1:" + controllerPort,
                "default.api.timeout.ms", 10_000, "request.timeout.ms", 5_000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .as("no client without SASL gets in (a PLAINTEXT controller listener would have answered)")
                    .isInstanceOf(ExecutionException.class);
        }
    }

    private static int status(HttpClient http, URI uri, String userInfo) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (userInfo != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, Object> withUser(Map<String, Object> props, String user, String password) {
        Map<String, Object> p = new HashMap<>(props);
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        return p;
    }
}
