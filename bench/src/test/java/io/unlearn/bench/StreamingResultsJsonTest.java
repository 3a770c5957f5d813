package io.unlearn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.bench.evaluator.EvaluatorResult;
import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.ingest.IngestResult;
import io.unlearn.bench.pipeline.PipelineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming benchmarks keep the JSON keys and Markdown sections they have always written. */
class StreamingResultsJsonTest {

    @TempDir
    Path dir;

    @Test
    void ingestKeys() throws Exception {
        JsonNode json = roundTrip(new IngestResult(20_000, 21_000, 50_000, 0.42, 12, 40, 1, "2 cores", 25_000, 0.84, 3, 140, 110));
        assertThat(keys(json)).containsExactly("requests", "ingest_per_second", "raw_pipe_per_second", "ratio", "p50_ms",
                "p99_ms", "stream_threads", "machine", "minimal_per_second", "minimal_ratio", "rounds", "ingest_cpu_us_per_request", "minimal_cpu_us_per_request");
        assertThat(json.get("minimal_per_second").asDouble()).isEqualTo(25_000);
    }

    @Test
    void pipelineKeys() throws Exception {
        JsonNode json = roundTrip(new PipelineResult(20, 40, 1200, new PipelineResult.Phase(5, 6, 10, 5), 600, 20,
                "method rl", "2 cores"));
        assertThat(keys(json)).containsExactly("p50_seconds", "p95_seconds", "requests_per_minute", "unbatched",
                "requests", "rate_per_second", "settings", "machine");
        assertThat(keys(json.get("unbatched"))).containsExactly("p50_seconds", "p95_seconds", "requests_per_minute",
                "requests");
    }

    @Test
    void evaluatorKeysAndSection() throws Exception {
        EvaluatorResult result = new EvaluatorResult(List.of(new EvaluatorResult.Row("UNLEARNED", "m@v2", "CERTIFIED",
                3.5, null)), "settings", "2 cores");
        JsonNode json = roundTrip(result);
        assertThat(keys(json)).containsExactly("rows", "settings", "machine");
        assertThat(keys(json.get("rows").get(0))).containsExactly("kind", "version_id", "verdict",
                "basic_report_seconds", "challenge_seconds");
        assertThat(json.get("rows").get(0).get("challenge_seconds").isNull()).isTrue();
        String section = EvaluatorResult.REPORT.section(result);
        assertThat(section).startsWith("## Evaluator latency\n\nCommand: ").endsWith("| UNLEARNED | m@v2 | CERTIFIED | 3.5 | — |\n");
    }

    private JsonNode roundTrip(Object result) throws Exception {
        Path file = dir.resolve("r.json");
        BenchWriters.writeJson(result, file);
        assertThat(Files.readString(file)).doesNotContain("markdown");
        return new ObjectMapper().readTree(file.toFile());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
