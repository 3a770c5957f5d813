package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `unlearn stack up` as a user runs it: a separate JVM, one line on stdout, a clean stop on SIGTERM. */
class StackUpIT {
    private static final Pattern LINE = Pattern.compile(
            "bootstrap=(127\\.0\\.0\\.1:\\d+) registry=(http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7)");

    @Test
    void printsTheAddressesProvisionsTheTopicsAndStopsCleanly(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                UnlearnCommand.class.getName(), "stack", "up", "--data-dir", dir.toString())
                .redirectError(dir.resolve("stderr.log").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("first stdout line; stderr in " + dir.resolve("stderr.log")).isNotNull();
            Matcher m = LINE.matcher(first);
            assertThat(m.matches()).as(first).isTrue();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, m.group(1)))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).containsAll(List.of("unlearn.requests.deletion", "unlearn.requests.concept",
                        "unlearn.requests.accepted", "unlearn.requests.status", "unlearn.requests.dlq",
                        "unlearn.catalog.samples", "unlearn.catalog.forgotten", "unlearn.models.versions",
                        "unlearn.eval.reports"));
            }
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops within 60 s of SIGTERM").isTrue();
        assertThat(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("")
                .contains(dir.resolve("registry").toString()))).as("the registry child is gone").isFalse();
    }

    @Test
    void secureWritesAClientConfigPerPrincipalAndTheBrokerAuthorizesByIt(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                UnlearnCommand.class.getName(), "stack", "up", "--secure", "--data-dir", dir.toString())
                .redirectError(dir.resolve("stderr.log").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("first stdout line; stderr in " + dir.resolve("stderr.log")).isNotNull()
                    .contains("secured=SASL_PLAINTEXT/SCRAM-SHA-512").contains("client-configs=" + dir.resolve("clients"));
            for (String principal : List.of("request-ingest", "worker", "evaluator", "auditor", "unlearn-admin")) {
                assertThat(dir.resolve("clients").resolve(principal + ".properties")).isRegularFile();
            }
            Properties worker = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("clients").resolve("worker.properties"))) {
                worker.load(in);
            }
            Map<String, Object> props = new HashMap<>();
            worker.forEach((k, v) -> props.put(k.toString(), v));
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
            try (Admin admin = Admin.create(props)) {
                Set<String> visible = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(visible).as("the worker sees the topics its ACLs name, no other")
                        .contains("unlearn.models.versions", "unlearn.requests.accepted")
                        .doesNotContain("unlearn.requests.deletion", "unlearn.catalog.samples");
            }
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops within 60 s of SIGTERM").isTrue();
    }
}
