package io.unlearn.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's Java (installed only when apt offers a package) and the Apicurio app. */
class PrerequisitesRegistryTest {
    @TempDir
    Path tmp;
    FakeMachine machine;

    @BeforeEach
    void machine() throws Exception {
        machine = new FakeMachine(tmp);
    }

    @Test
    void aJava25UnderTheJvmDirectoryIsFoundAsTheLocalStackFindsIt() throws Exception {
        FakeMachine.jdk(machine.jvmDir.resolve("temurin-25-jdk-amd64"), 25);
        Check check = machine.prerequisites().registryJava();
        assertThat(check.isOk()).isTrue();
        assertThat(check.detail()).startsWith(machine.jvmDir.resolve("temurin-25-jdk-amd64/bin/java").toString());
    }

    @Test
    void withoutAnAptPackageForItNothingIsGuessedAndTheFixSaysWhatToInstall() {
        Check check = machine.prerequisites().registryJava();
        assertThat(check.fails()).isTrue();
        assertThat(check.install()).isEmpty();
        assertThat(check.detail()).isEqualTo("no Java >= 21 (seen: " + machine.runningJava + " (17))");
        assertThat(check.fix()).contains("UNLEARN_REGISTRY_JAVA=<jdk>/bin/java");
        assertThat(machine.ran).allMatch(c -> c.startsWith("apt-cache policy "));
    }

    @Test
    void whenAptOffersAJavaItIsInstalledAsRoot() {
        machine.outputs.put("apt-cache policy openjdk-21-jre-headless", "openjdk-21-jre-headless:\n  Installed: (none)\n  Candidate: 21.0.5\n");
        machine.outputs.put("apt-cache policy openjdk-25-jre-headless", "openjdk-25-jre-headless:\n  Installed: (none)\n  Candidate: (none)\n");
        machine.script("apt-get install -y openjdk-21-jre-headless", () -> {
            try {
                FakeMachine.jdk(machine.jvmDir.resolve("java-21-openjdk-amd64"), 21);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 0;
        });
        Prerequisites p = machine.prerequisites();
        assertThat(p.registryJava().fix()).isEqualTo("run `apt-get install -y openjdk-21-jre-headless`");
        p.ensure(List.of(p::registryJava));
        assertThat(machine.ran).contains("apt-get install -y openjdk-21-jre-headless").doesNotContain("apt-get update");
        assertThat(machine.console()).contains("installing openjdk-21-jre-headless with apt-get", "registry java ready");
    }

    @Test
    void aBadRegistryJavaVariableIsReportedNotThrown() {
        machine.env.put("UNLEARN_REGISTRY_JAVA", tmp.resolve("nope/bin/java").toString());
        Check check = machine.prerequisites().registryJava();
        assertThat(check.fails()).isTrue();
        assertThat(check.detail()).contains("is not an executable");
    }

    @Test
    void theApicurioAppIsFoundThroughItsVariableAndMissingOnesAreListedOnOneLine() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("apicurio"));
        machine.env.put("UNLEARN_APICURIO_HOME", app.toString());
        Prerequisites p = machine.prerequisites();
        assertThat(p.apicurioApp().detail()).isEqualTo("no quarkus-run.jar in " + app);
        assertThatThrownBy(() -> p.ensure(List.of(p::registryJava, p::apicurioApp)))
                .hasMessageStartingWith("missing registry java (no Java >= 21")
                .hasMessageContaining("; also missing apicurio app (no quarkus-run.jar in " + app
                        + "): point UNLEARN_APICURIO_HOME at an unpacked apicurio-registry-app");
        Files.writeString(app.resolve("quarkus-run.jar"), "");
        assertThat(p.apicurioApp().isOk()).isTrue();
    }
}
