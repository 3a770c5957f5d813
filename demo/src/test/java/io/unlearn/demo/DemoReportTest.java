package io.unlearn.demo;

import static io.unlearn.demo.DemoEvents.at;
import static io.unlearn.demo.DemoEvents.lifecycle;
import static io.unlearn.demo.DemoEvents.status;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.Judgement;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        // v2 still remembers its forget set (a weak method): REJECTED; v3 forgot it: CERTIFIED; v4's set is too small: INCONCLUSIVE.
        double[] versionLoss = {0, 0, DemoGateOutputs.SEEN, DemoGateOutputs.UNSEEN, DemoGateOutputs.UNSEEN};
        int[] forgetSize = {0, 0, 600, 1500, 40};
        RequestState[] outcome = {null, null, RequestState.FAILED, RequestState.VERIFIED, RequestState.AWAITING_EVIDENCE};
        for (int n = 2; n <= 4; n++) {
            List<String> ids = List.of("r" + n + "a", "r" + n + "b");
            ModelVersion v = DemoEvents.version(n, ModelVersionKind.UNLEARNED, ids);
            t.add(v);
            EvaluationReport basic = DemoGateOutputs.judged(policy, v, DemoGateOutputs.utility(1.0, 2.0), forgetSize[n], versionLoss[n]);
            t.add(basic);
            t.add(DemoEvents.withChallenge(basic, 0.0, 1.5, true));
            for (String id : ids) {
                items.add(new DemoRequests.Item(id, null, "subject " + id, false, true));
                t.publishedAt.put(id, at(n * 10));
                lifecycle(id, v.getVersionId(), outcome[n], n * 10 + 0.1, n * 10 + 0.3, n * 10 + 2, n * 10 + 8, n * 10 + 9).forEach(t::add);
            }
        }
        items.add(new DemoRequests.Item("bad", null, "unknown model", false, false));
        t.publishedAt.put("bad", at(1));
        t.add(status("bad", RequestState.RECEIVED, 1.1, null, null));
        t.add(status("bad", RequestState.REJECTED, 1.1, null, "unknown model fmnist-resnet"));
        DemoOptions o = new DemoOptions("m", dir, dir.resolve("report"), 100, 4, "ft", 1, 4.0, Duration.ofMinutes(1), Duration.ZERO, 1, false);

        DemoFacts facts = new DemoFacts(t, items);
        Path file = DemoReport.write(facts, o, 42);
        DemoReportAudit.show(file, "audit verified: every check passed (0 warning(s))", true);
        String html = Files.readString(file);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "demo-report-test.html"), html);

        assertThat(html).contains("id=\"verdicts\"", "id=\"evidence\"", "id=\"criteria\"", "id=\"stages\"", "id=\"stage-latency\"",
                "id=\"timeline\"", "id=\"timeline-selection\"", "id=\"all-requests\"", "id=\"audit\"");
        assertThat(html).contains("CERTIFIED</dt>", "REJECTED</dt>", "INCONCLUSIVE</dt>", "max.membership.advantage", "max.ta.drop",
                "worst-case ta.drop", "waiting for a batch", "ACCEPTED → BATCHED", "unknown model fmnist-resnet", "m@v3");
        assertThat(html).as("the gate's evidence: each membership test's interval against the tolerance, version and parent")
                .contains("membership advantage (loss), lineage, version", "membership advantage (loss), lineage, parent",
                        "membership shows (interval above +10.0)", "indistinguishable (interval within ±10.0)",
                        "undecided (interval straddles ±10.0)", "the lineage's 600 forgotten vs 5000 unseen",
                        "drop of the parent&#39;s membership advantage (loss-drop)".replace("&#39;", "'"), "the parent's signal left in place");
        assertThat(html).as("requests awaiting evidence are pending, with the reason").contains("AWAITING_EVIDENCE (pending")
                .contains("AWAITING_EVIDENCE is pending, not final");
        assertThat(html).contains("<a href=\"audit.html\">").contains("audit verified: every check passed")
                .doesNotContain("runs after this report").doesNotContain("http://").doesNotContain("https://");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DemoSummary.print(facts, new PrintStream(console, true, UTF_8));
        Files.writeString(Path.of("target", "demo-summary-test.txt"), console.toString(UTF_8));
        assertThat(console.toString(UTF_8)).as("the console summary")
                .contains("awaiting evidence: 2", "  AWAITING_EVIDENCE 2", "FAILED: 2 request(s) by m@v2 (r2a, r2b): version m@v2 REJECTED")
                .contains("AWAITING_EVIDENCE (pending: no later version decided them yet): 2 request(s) by m@v4")
                .containsPattern("m@v2 ft: gate REJECTED: membership advantage \\(loss\\) [0-9.]+ \\[[0-9.]+, [0-9.]+\\], parent ")
                .contains("m@v3 ft: gate CERTIFIED", "m@v4 ft: gate INCONCLUSIVE");
        assertThat(html).as("three charts of versions, two of latency").containsPattern("(?s)(data:image/png;base64.*){5}");
    }

    private static EvaluationReport report(ModelVersion v, Map<String, Double> m, Judgement j) {
        return DemoEvents.report(v, j.verdict(), m, j.thresholds(), j.failing());
    }
}
