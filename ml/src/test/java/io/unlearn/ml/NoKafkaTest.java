package io.unlearn.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine is a plain library: no Kafka (or Avro) import may enter {@code ml}. */
class NoKafkaTest {

    @Test
    void noSourceFileImportsKafkaOrAvro() throws IOException {
        Path main = Path.of("src/main/java");
        assertThat(main).isDirectory();
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String s = Files.readString(p);
                    return s.contains("org.apache.kafka") || s.contains("org.apache.avro") || s.contains("io.unlearn.schemas");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertThat(offenders).as("ml must not depend on Kafka, Avro or the schemas module: move the code to a"
                    + " service module and call ml from there").isEmpty();
        }
    }
}
