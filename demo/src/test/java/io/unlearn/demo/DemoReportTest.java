package io.unlearn.demo;

import static io.unlearn.demo.DemoEvents.at;
import static io.unlearn.demo.DemoEvents.lifecycle;
import static io.unlearn.demo.DemoEvents.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.Judgement;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole report from hand-made events, without a broker: every section is there and tells what it should. */
class DemoReportTest {

    @Test
    void theReportExplainsVerdictsTimelinesAndStagesAndLinksTheAudit(@TempDir Path dir) throws Exception {
        DemoTracker t = new DemoTracker(DemoEvents.MODEL);
        List<DemoRequests.Item> items = new ArrayList<>();
        EvaluationPolicy policy = EvaluationPolicy.ofDefaults();
        ModelVersion base = DemoEvents.version(1, ModelVersionKind.BASE, List.of());
        t.add(base);
        t.add(report(base, Map.of("ta", 88.0), policy.judgeBase("m", Map.of("ta", 88.0))));
        for (int n = 2; n <= 3; n++) {
            List<String> ids = List.of("r" + n + "a", "r" + n + "b");
            ModelVersion v = DemoEvents.version(n, ModelVersionKind.UNLEARNED, ids);
            t.add(v);
            Map<String, Double> m = new TreeMap<>(Map.of("ta.drop", n == 2 ? 1.0 : 7.0, "ra.drop", 2.0, "ua", 11.0, "mia", 40.0,
                    "ua.reference", 12.0, "mia.reference", 50.0, "ta", 87.0, "ra", 93.0, "parent.ta", 88.0, "parent.ra", 95.0));
            EvaluationReport basic = report(v, m, policy.judgeForgetting("m", m, false));
            t.add(basic);
            t.add(DemoEvents.withChallenge(basic, 0.0, 1.5, true));
            for (String id : ids) {
                items.add(new DemoRequests.Item(id, null, "subject " + id, false, true));
                t.publishedAt.put(id, at(n * 10));
                lifecycle(id, v.getVersionId(), n == 2 ? RequestState.VERIFIED : RequestState.FAILED, n * 10 + 0.1, n * 10 + 0.3,
                        n * 10 + 2, n * 10 + 8, n * 10 + 9).forEach(t::add);
            }
        }
        items.add(new DemoRequests.Item("bad", null, "unknown model", false, false));
        t.publishedAt.put("bad", at(1));
        t.add(status("bad", RequestState.RECEIVED, 1.1, null, null));
        t.add(status("bad", RequestState.REJECTED, 1.1, null, "unknown model fmnist-resnet"));
        DemoOptions o = new DemoOptions("m", dir, dir.resolve("report"), 100, 4, "ft", 1, 4.0, Duration.ofMinutes(1), Duration.ZERO, 1, false);

        Path file = DemoReport.write(new DemoFacts(t, items), o, 42);
        DemoReportAudit.show(file, "audit verified: every check passed (0 warning(s))", true);
        String html = Files.readString(file);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "demo-report-test.html"), html);

        assertThat(html).contains("id=\"verdicts\"", "id=\"evidence\"", "id=\"criteria\"", "id=\"stages\"", "id=\"stage-latency\"",
                "id=\"timeline\"", "id=\"timeline-selection\"", "id=\"all-requests\"", "id=\"audit\"");
        assertThat(html).contains("CERTIFIED</dt>", "REJECTED</dt>", "INCONCLUSIVE</dt>", "min.ua.ratio", "max.ta.drop",
                "worst-case ta.drop", "waiting for a batch", "ACCEPTED → BATCHED", "unknown model fmnist-resnet", "m@v3");
        assertThat(html).contains("<a href=\"audit.html\">").contains("audit verified: every check passed")
                .doesNotContain("runs after this report").doesNotContain("http://").doesNotContain("https://");
        assertThat(html).as("three charts of versions, two of latency").containsPattern("(?s)(data:image/png;base64.*){5}");
    }

    private static EvaluationReport report(ModelVersion v, Map<String, Double> m, Judgement j) {
        return DemoEvents.report(v, j.verdict(), m, j.thresholds(), j.failing());
    }
}
