package io.unlearn.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 fixture for integration tests: one real {@link LocalStack} per test JVM, started on first use
 * in a fresh temporary data dir and closed when the test run ends. Declare
 * {@code @ExtendWith(LocalStackExtension.class)} and take a {@link LocalStack} parameter in a test,
 * a lifecycle method or the constructor.
 */
public final class LocalStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedStack.class, key -> new SharedStack(), SharedStack.class).stack;
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test of the run. */
    private static final class SharedStack implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final LocalStack stack;
        private final Path dir;

        SharedStack() {
            try {
                dir = Files.createTempDirectory("unlearn-stack-test-");
                stack = LocalStack.start(LocalStackConfig.custom().optDataDir(dir).build());
            } catch (IOException e) {
                throw new StackException("Cannot create a temporary data dir for the test stack: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            stack.close();
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
