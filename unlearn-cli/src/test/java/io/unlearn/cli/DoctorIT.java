package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `unlearn doctor` against the real local stack: given by flags, or found running in its data dir. */
@ExtendWith(LocalStackExtension.class)
class DoctorIT {

    @Test
    void theClusterGivenByFlagsAnswers(LocalStack stack, @TempDir Path noStack) {
        Result r = run("doctor", "--bootstrap-servers", stack.bootstrapServers(), "--registry-url", stack.registryUrl(),
                "--stack-dir", noStack.toString());
        assertThat(r.out).as(r.out).containsPattern("(?m)^ok +kafka +" + stack.bootstrapServers() + " answers: cluster \\S+, 1 broker\\(s\\)$")
                .containsPattern("(?m)^ok +registry +" + stack.registryUrl() + "/subjects answers$")
                .contains("doctor: ready: every required check is ok");
        assertThat(r.code).isZero();
    }

    @Test
    void aRunningLocalStackIsFoundInItsDataDirAndHoldsItsOwnPorts(LocalStack stack) {
        Result r = run("doctor", "--stack-dir", stack.config().dataDir().toString());
        assertThat(r.out).as(r.out).containsPattern("(?m)^ok +kafka +" + stack.bootstrapServers() + " answers")
                .containsPattern("(?m)^ok +registry ")
                .containsPattern("(?m)^ok +ports +in use by the running local stack");
        assertThat(r.code).isZero();
    }

    @Test
    void aClusterThatDoesNotAnswerFailsTheDoctor(@TempDir Path noStack) {
        Result r = run("doctor", "--bootstrap-servers", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1/apis/ccompat/v7",
                "--timeout", "PT2S", "--stack-dir", noStack.toString());
        assertThat(r.out).as(r.out).containsPattern("(?m)^missing +kafka +127.0.0.1:1 does not answer within 2 s")
                .contains("required checks failed: kafka, registry");
        assertThat(r.code).isEqualTo(1);
    }

    private record Result(int code, String out) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int code = UnlearnCommand.commandLine().execute(args);
            return new Result(code, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previous);
        }
    }
}
