package io.unlearn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.unlearn.cli.UnlearnCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/ cannot run here (no Docker engine), so it is checked by construction: `docker-compose config` (Debian's
 * docker-compose, no engine needed) validates and resolves the compose file, and every command an image or a compose
 * service runs must parse as the launcher's own command line.
 */
class DockerComposeConfigTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static JsonNode services;

    @BeforeAll
    static void resolveComposeFile() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (apt-get install -y docker-compose; .ci/run does)");
        services = resolvedServices(Map.of());
    }

    /** The services of docker/compose.yaml as `docker-compose config` resolves them with these variables set. */
    static JsonNode resolvedServices(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder("docker-compose", "-f", ROOT.resolve("docker/compose.yaml").toString(), "config")
                .redirectErrorStream(true);
        b.environment().putAll(environment);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("docker-compose config:\n" + out).isZero();
        return new YAMLMapper().readTree(out).get("services");
    }

    @Test
    void everyServiceCommandIsALauncherCommandAndMatchesItsImage() {
        for (String service : List.of("contract", "ingest", "worker", "evaluator", "setup-model")) {
            JsonNode s = services.get(service);
            assertThat(s).as(service).isNotNull();
            List<String> command = strings(s.get("command"));
            assertParses(service, command);
            String target = s.get("build").get("target").asText();
            if (!target.equals("cli")) {
                assertThat(command.get(0)).as(service + " runs its image's service").isEqualTo(target);
            }
        }
    }

    @Test
    void theImagesDefaultCommandsAreLauncherCommands() throws IOException {
        Matcher cmd = Pattern.compile("(?m)^FROM cli AS (\\w+)\\s*\\n(?:EXPOSE.*\\n)?CMD (\\[.*])$")
                .matcher(Files.readString(ROOT.resolve("docker/Dockerfile")));
        List<String> targets = new ArrayList<>();
        while (cmd.find()) {
            List<String> args = strings(readJson(cmd.group(2)));
            assertThat(args.get(0)).isEqualTo(cmd.group(1));
            assertParses("Dockerfile target " + cmd.group(1), args);
            targets.add(cmd.group(1));
        }
        assertThat(targets).containsExactly("ingest", "worker", "evaluator");
    }

    @Test
    void servicesHaveHealthChecksAndShareTheArtifactStoreAtOnePath() {
        for (String service : List.of("kafka", "registry", "ingest", "worker", "evaluator")) {
            assertThat(services.get(service).get("healthcheck")).as(service + " health check").isNotNull();
        }
        for (String service : List.of("worker", "evaluator", "setup-model")) {
            assertThat(strings(services.get(service).get("volumes"))).as(service).contains("artifacts:/var/lib/unlearn/artifacts:rw");
        }
        for (String service : List.of("worker", "setup-model")) {
            assertThat(strings(services.get(service).get("command"))).contains("artifact.dir=/var/lib/unlearn/artifacts");
        }
        assertThat(services.get("ingest").get("depends_on").get("contract").get("condition").asText())
                .isEqualTo("service_completed_successfully");
    }

    /**
     * worker and evaluator run as N replicas of one consumer group ({@code up --scale worker=3 --scale evaluator=2}):
     * nothing may give two replicas one name (container_name, hostname, a fixed instance.id: replicas sharing a
     * transactional.id fence each other) or one host port. Each replica's instance.id is then the service config's
     * default, the host name, which Docker makes the container's own id.
     */
    @Test
    void workerAndEvaluatorScaleToSeveralReplicas() throws Exception {
        for (String service : List.of("worker", "evaluator")) {
            JsonNode s = services.get(service);
            assertThat(s.has("container_name")).as(service + " names its one container (container_name)").isFalse();
            assertThat(s.has("hostname")).as(service + " gives every replica one host name, hence one instance.id").isFalse();
            assertThat(strings(s.get("command"))).as(service + " pins instance.id: replicas would share a transactional.id")
                    .noneMatch(arg -> arg.startsWith(io.unlearn.runtime.ServiceConfig.INSTANCE_ID + "="));
            for (JsonNode port : s.path("ports")) {
                assertThat(port.isObject() ? port.has("published") : port.asText().contains(":"))
                        .as(service + " binds a fixed host port (" + port + "): a second replica could not start").isFalse();
            }
            if (s.path("deploy").has("replicas")) {
                assertThat(s.get("deploy").get("replicas").asInt()).as(service + " deploy.replicas").isPositive();
            }
        }
        String hostName = java.net.InetAddress.getLocalHost().getHostName();
        for (var def : List.of(io.unlearn.worker.WorkerConfig.CONFIG_DEF, io.unlearn.evaluator.EvaluatorConfig.CONFIG_DEF)) {
            assertThat(def.configKeys().get(io.unlearn.runtime.ServiceConfig.INSTANCE_ID).defaultValue)
                    .as("instance.id defaults to the host name, which tells the replicas apart").isEqualTo(hostName);
        }
    }

    /** Every {@code --set key=value} names a key the service's one config class defines (no typo reaches a container). */
    @Test
    void everySettingIsAKeyOfTheServicesConfig() {
        Map<String, org.apache.kafka.common.config.ConfigDef> defs = Map.of("ingest", io.unlearn.ingest.IngestConfig.CONFIG_DEF,
                "worker", io.unlearn.worker.WorkerConfig.CONFIG_DEF, "evaluator", io.unlearn.evaluator.EvaluatorConfig.CONFIG_DEF,
                "setup-model", io.unlearn.worker.WorkerConfig.CONFIG_DEF);
        defs.forEach((service, def) -> {
            List<String> command = strings(services.get(service).get("command"));
            for (int i = 0; i + 1 < command.size(); i++) {
                if (command.get(i).equals("--set")) {
                    String key = command.get(i + 1).substring(0, command.get(i + 1).indexOf('='));
                    assertThat(def.names()).as(service + " --set " + key).contains(key);
                }
            }
        });
    }

    private static void assertParses(String who, List<String> args) {
        try {
            UnlearnCommand.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new AssertionError(who + " runs `unlearn " + String.join(" ", args) + "`, which the launcher refuses: "
                    + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode readJson(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not a JSON array: " + json, e);
        }
    }

    private static boolean onPath(String tool) {
        return System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
