package io.unlearn.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images' entry point, docker/entrypoint.sh, run here with a stand-in {@code java} that prints what it was given:
 * {@code UNLEARN_THREADS=N} caps the process's OpenMP and PyTorch threads (one per replica when replicas share a
 * host), and compose hands the variable to the worker and the evaluator.
 */
class DockerEntrypointTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void unlearnThreadsCapsOpenMpAndPyTorchThreads(@TempDir Path bin) throws Exception {
        Result capped = run(bin, Map.of("UNLEARN_THREADS", "1"), "worker", "--help");
        assertThat(capped.rc).as(capped.out).isZero();
        assertThat(capped.out).contains("OMP_NUM_THREADS=1\n")
                .contains("-Dai.djl.pytorch.num_threads=1 -Dai.djl.offline=true -jar /opt/unlearn/unlearn-cli.jar worker --help\n");

        Result uncapped = run(bin, Map.of(), "evaluator");
        assertThat(uncapped.rc).as(uncapped.out).isZero();
        assertThat(uncapped.out).contains("OMP_NUM_THREADS=\n").doesNotContain("num_threads")
                .contains("args: -XX:MaxRAMPercentage=75 -Dai.djl.offline=true -jar /opt/unlearn/unlearn-cli.jar evaluator\n");

        Result javaOpts = run(bin, Map.of("UNLEARN_JAVA_OPTS", "-Xmx2g -XX:+UseSerialGC"), "worker");
        assertThat(javaOpts.out).contains("args: -Xmx2g -XX:+UseSerialGC -Dai.djl.offline=true -jar");

        for (String bad : List.of("0", "two", "-1", "1.5")) {
            Result refused = run(bin, Map.of("UNLEARN_THREADS", bad), "worker");
            assertThat(refused.rc).as("UNLEARN_THREADS=" + bad).isEqualTo(2);
            assertThat(refused.out).contains("UNLEARN_THREADS='" + bad + "' is not a positive whole number").doesNotContain("args:");
        }
    }

    @Test
    void theImagesRunTheEntrypointAndComposePassesUnlearnThreads() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains("COPY docker/entrypoint.sh /opt/unlearn/entrypoint.sh\n")
                .contains("ENTRYPOINT [\"/bin/sh\", \"/opt/unlearn/entrypoint.sh\"]\n");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
                "docker-compose is not installed (apt-get install -y docker-compose)");
        JsonNode services = DockerComposeConfigTest.resolvedServices(Map.of("UNLEARN_THREADS", "1"));
        for (String service : List.of("worker", "evaluator")) {
            assertThat(services.get(service).path("environment").path("UNLEARN_THREADS").asText()).as(service).isEqualTo("1");
        }
    }

    private record Result(int rc, String out) {
    }

    /** Runs the entry point with a {@code java} on PATH that prints its arguments and OMP_NUM_THREADS. */
    private static Result run(Path bin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"OMP_NUM_THREADS=${OMP_NUM_THREADS:-}\"\necho \"args: $*\"\n");
        java.toFile().setExecutable(true);
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", ROOT.resolve("docker/entrypoint.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().keySet().removeAll(List.of("UNLEARN_THREADS", "UNLEARN_JAVA_OPTS", "OMP_NUM_THREADS"));
        b.environment().putAll(env);
        b.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
