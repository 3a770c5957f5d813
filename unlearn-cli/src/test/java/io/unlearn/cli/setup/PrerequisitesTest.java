package io.unlearn.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset check and what {@code ensure} does about a missing one: install as root with apt, else one line. */
class PrerequisitesTest {
    private static final String INSTALL = "apt-get install -y dataset-fashion-mnist";
    @TempDir
    Path tmp;
    FakeMachine machine;

    @BeforeEach
    void machine() throws Exception {
        machine = new FakeMachine(tmp);
    }

    @Test
    void aPresentDatasetIsOkAndNothingRuns() {
        FakeMachine.dataset(machine.debianDataset);
        Prerequisites p = machine.prerequisites();
        p.ensure(List.of(() -> p.dataset(machine.debianDataset)));
        assertThat(p.dataset(machine.debianDataset).isOk()).isTrue();
        assertThat(machine.ran).isEmpty();
        assertThat(machine.console()).isEmpty();
    }

    @Test
    void asRootTheMissingPackageIsInstalledWithOneLinePerStepAndAptOutputInTheLog() {
        machine.script(INSTALL, () -> {
            FakeMachine.dataset(machine.debianDataset);
            return 0;
        });
        Prerequisites p = machine.prerequisites();
        p.ensure(List.of(() -> p.dataset(machine.debianDataset)));
        assertThat(machine.ran).containsExactly(INSTALL);
        assertThat(machine.console()).isEqualTo("unlearn: installing dataset-fashion-mnist with apt-get (output in "
                + tmp.resolve("work/.unlearn/setup.log") + ") ...\nunlearn: dataset ready: Fashion-MNIST in " + machine.debianDataset + "\n");
    }

    @Test
    void aFailedInstallIsRetriedOnceAfterAnUpdateLikeCi() {
        machine.script(INSTALL, () -> 100, () -> {
            FakeMachine.dataset(machine.debianDataset);
            return 0;
        });
        Prerequisites p = machine.prerequisites();
        p.ensure(List.of(() -> p.dataset(machine.debianDataset)));
        assertThat(machine.ran).containsExactly(INSTALL, "apt-get update", INSTALL);
        assertThat(machine.console()).contains("running apt-get update and retrying");
    }

    @Test
    void anInstallThatKeepsFailingStopsWithTheCommandAndTheLog() {
        machine.script(INSTALL, () -> 100, () -> 100);
        Prerequisites p = machine.prerequisites();
        assertThatThrownBy(() -> p.ensure(List.of(() -> p.dataset(machine.debianDataset))))
                .isInstanceOf(SetupException.class)
                .hasMessage("`" + INSTALL + "` failed; see " + tmp.resolve("work/.unlearn/setup.log") + ", then run it by hand");
    }

    @Test
    void notRootItInstallsNothingAndNamesTheExactCommandOnOneLine() {
        machine.asRoot = false;
        Prerequisites p = machine.prerequisites();
        assertThatThrownBy(() -> p.ensure(List.of(() -> p.dataset(machine.debianDataset))))
                .isInstanceOf(SetupException.class)
                .hasMessage("missing dataset (no directory " + machine.debianDataset + "): run `sudo " + INSTALL
                        + "` (not root, so not installed here)");
        assertThat(machine.ran).isEmpty();
    }

    @Test
    void withoutAptItNamesThePackageAndTheDatasetOption() {
        machine.env.put("PATH", tmp.resolve("empty-bin").toString());
        Prerequisites p = machine.prerequisites();
        assertThatThrownBy(() -> p.ensure(List.of(() -> p.dataset(machine.debianDataset))))
                .hasMessageContaining("install Debian's dataset-fashion-mnist package, or pass --dataset-dir DIR");
        assertThat(machine.ran).isEmpty();
    }

    @Test
    void aGivenDatasetDirectoryIsNeverInstalledInto() throws Exception {
        Path empty = java.nio.file.Files.createDirectories(tmp.resolve("empty"));
        Prerequisites p = machine.prerequisites();
        Check check = p.dataset(empty);
        assertThat(check.install()).isEmpty();
        assertThat(check.detail()).isEqualTo("no Fashion-MNIST IDX files in " + empty);
        assertThatThrownBy(() -> p.ensure(List.of(() -> p.dataset(empty))))
                .hasMessageContaining("leave out --dataset-dir to use " + machine.debianDataset)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(machine.ran).isEmpty();
    }
}
