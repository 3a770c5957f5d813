package io.unlearn.schemas;

import org.apache.avro.Schema;
import io.unlearn.schemas.internals.SchemaProblems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the BACKWARD contract of every subject: the current schema of each event must read the events
 * written with every schema ever published. Published schemas are snapshots under
 * {@code src/test/resources/published/<Name>.v<N>.avsc}; they stand for events already on the topics,
 * so they are never edited or deleted.
 *
 * <p>How to ship a compatible schema change: change the .avsc, run {@code mvn -pl schemas test}; this
 * test writes each current schema to {@code target/schema-snapshots/<Name>.avsc}; copy the changed one to
 * {@code src/test/resources/published/<Name>.v<N+1>.avsc} (N = the highest version there) and commit it
 * with the change. If this test fails, the change would break readers of published events: add defaults,
 * keep removed fields' defaults, add enum symbols only (UNKNOWN stays the default), or publish a new topic.
 */
class SchemaEvolutionTest {

    private static final Path SNAPSHOT_OUT = Paths.get("target", "schema-snapshots");

    private static Map<String, Schema> current;

    @BeforeAll
    static void writeCurrentSnapshots() throws IOException {
        current = Topics.avroTopics().stream().map(t -> t.valueSchema().orElseThrow())
                .collect(Collectors.toMap(Schema::getName, s -> s));
        Files.createDirectories(SNAPSHOT_OUT);
        for (Schema schema : current.values()) {
            Files.writeString(SNAPSHOT_OUT.resolve(schema.getName() + ".avsc"), schema.toString(true) + "\n");
        }
    }

    @Test
    void everyEventTypeHasAPublishedFirstVersion() throws Exception {
        List<String> names = published().stream().map(p -> p.getFileName().toString()).toList();
        for (String name : current.keySet()) {
            assertThat(names).as("published snapshot of " + name).contains(name + ".v1.avsc");
        }
    }

    @Test
    void currentSchemasReadEveryPublishedVersion() throws Exception {
        List<String> broken = new ArrayList<>();
        for (Path file : published()) {
            Schema old = new Schema.Parser().parse(file.toFile());
            Schema now = current.get(old.getName());
            if (now == null) {
                broken.add(file.getFileName() + ": no current schema named " + old.getName()
                        + " (an event type was removed or renamed; its topic's readers would break)");
                continue;
            }
            String problem = readProblem(now, old);
            if (problem != null) {
                broken.add(file.getFileName() + ": " + problem);
            }
        }
        assertThat(broken).as("schema changes that break readers of published events").isEmpty();
    }

    @Test
    void theGuardCatchesBreakingChanges() {
        Schema v1 = current.get("RequestStatus");
        Schema requiredFieldAdded = new Schema.Parser().parse(v1.toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"doc\":\"x\"},"));
        assertThat(readProblem(requiredFieldAdded, v1)).contains("priority");
        Schema typeChanged = new Schema.Parser().parse(v1.toString().replace(
                "{\"name\":\"requestId\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}",
                "{\"name\":\"requestId\",\"type\":\"int\""));
        assertThat(readProblem(typeChanged, v1)).isEqualTo("TYPE_MISMATCH at RequestStatus.requestId:"
                + " reader type: INT not compatible with writer type: STRING");
        Schema defaultedFieldAdded = new Schema.Parser().parse(v1.toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"default\":0,\"doc\":\"x\"},"));
        assertThat(readProblem(defaultedFieldAdded, v1)).isNull();
    }

    /** Why {@code reader} cannot read data written with {@code writer}, or null when it can. */
    static String readProblem(Schema reader, Schema writer) {
        return SchemaProblems.readProblem(reader, writer);
    }

    private static List<Path> published() throws IOException, URISyntaxException {
        Path dir = Paths.get(Objects.requireNonNull(SchemaEvolutionTest.class.getResource("/published"),
                "src/test/resources/published is missing").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }
}
