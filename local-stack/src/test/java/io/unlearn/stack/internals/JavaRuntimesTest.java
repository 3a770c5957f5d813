package io.unlearn.stack.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {
    @Test
    void readsTheFeatureVersionFromTheReleaseFile(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
        assertThat(JavaRuntimes.featureVersion(home)).hasValue(25);
    }

    @Test
    void aHomeWithoutReleaseFileIsNotARuntime(@TempDir Path home) {
        assertThat(JavaRuntimes.featureVersion(home)).isEmpty();
    }

    @Test
    void theSearchOverGivenPlacesSkipsOldRuntimesAndListsWhatItSaw(@TempDir Path root) throws Exception {
        Path running = runtime(root.resolve("running"), "17.0.15");
        Path jvm = root.resolve("jvm");
        assertThat(JavaRuntimes.search(21, java.util.Map.of(), running, jvm).java()).isEmpty();
        Path temurin = runtime(jvm.resolve("temurin-25-jdk-amd64"), "25.0.1");
        JavaRuntimes.Search found = JavaRuntimes.search(21, java.util.Map.of(), running, jvm);
        assertThat(found.java()).hasValue(temurin.resolve("bin/java"));
        assertThat(found.seen()).containsExactly(running + " (17)", temurin + " (25)");
    }

    private static Path runtime(Path home, String version) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(home.resolve("bin/java"), "").toFile().setExecutable(true);
        return home;
    }

    @Test
    void rememberedPortsAreReusedAndAChangedControllerPortIsRefused(@TempDir Path dir) {
        StackPorts first = StackPorts.load(dir);
        int controller = first.resolve("controller", 0);
        first.save();
        StackPorts second = StackPorts.load(dir);
        assertThat(second.resolve("controller", 0)).isEqualTo(controller);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.resolve("controller", controller + 1))
                .hasMessageContaining("formatted with controller port " + controller);
    }
}
