package io.unlearn.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's own decisions: Java, ports, disk, Docker, the registry's runtime; no real port or program involved. */
class MachineChecksTest {
    @TempDir
    Path tmp;

    @Test
    void theRunningJavaMustBeAtLeast17() {
        assertThat(MachineChecks.runningJava(Runtime.Version.parse("17.0.15"), tmp).isOk()).isTrue();
        assertThat(MachineChecks.runningJava(Runtime.Version.parse("11.0.2"), tmp).fails()).isTrue();
    }

    @Test
    void portsAreOkWhenFreeOrHeldByTheRunningStackAndAWarningWhenSomeoneElseHoldsThem() throws Exception {
        assertThat(PortCheck.check(tmp, false, p -> true).detail()).contains("no local stack under");
        assertThat(PortCheck.check(tmp, false, p -> false).fails()).isTrue();
        Files.writeString(tmp.resolve("ports.properties"), "broker=40001\ncontroller=40002\nregistry=40003\n");
        Set<Integer> used = Set.of(40001, 40002, 40003);
        assertThat(PortCheck.check(tmp, false, p -> true).detail())
                .isEqualTo("127.0.0.1 binds; the stack's ports are free (broker=40001 controller=40002 registry=40003)");
        assertThat(PortCheck.check(tmp, true, p -> !used.contains(p)).detail()).startsWith("in use by the running local stack");
        Check other = PortCheck.check(tmp, false, p -> p != 40003);
        assertThat(other.status()).isEqualTo(Check.Status.WARN);
        assertThat(other.fails()).isFalse();
        assertThat(other.detail()).startsWith("in use by another process: registry=40003");
    }

    @Test
    void lessThanTwoGibibytesFreeIsAWarning() {
        assertThat(MachineChecks.disk(tmp, 1L << 30).status()).isEqualTo(Check.Status.WARN);
        assertThat(MachineChecks.disk(tmp, 3L << 30).isOk()).isTrue();
        assertThat(MachineChecks.disk(tmp, 3L << 30).detail()).isEqualTo("3.0 GiB free under " + tmp);
    }

    @Test
    void dockerIsInformational() throws Exception {
        FakeMachine machine = new FakeMachine(tmp);
        Check absent = new MachineChecks(machine.host()).docker();
        assertThat(absent.status()).isEqualTo(Check.Status.WARN);
        machine.program("docker-compose");
        assertThat(new MachineChecks(machine.host()).docker().detail()).startsWith("docker-compose on PATH");
    }

    @Test
    void theRegistryRuntimeIsTheFoundJavaStarting() throws Exception {
        FakeMachine machine = new FakeMachine(tmp);
        MachineChecks checks = new MachineChecks(machine.host());
        assertThat(checks.registryRuntime().fails()).isTrue();
        Path java = FakeMachine.jdk(machine.jvmDir.resolve("temurin-25"), 25).resolve("bin/java");
        assertThat(checks.registryRuntime().detail()).isEqualTo(java + " -version fails");
        machine.outputs.put(java + " -version", "openjdk version \"25.0.1\"\nOpenJDK Runtime\n");
        assertThat(checks.registryRuntime().detail()).isEqualTo(java + " starts: openjdk version \"25.0.1\"");
    }
}
