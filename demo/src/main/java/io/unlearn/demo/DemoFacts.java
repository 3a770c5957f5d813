package io.unlearn.demo;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the summary and the report show, computed once from the tracker: shared by the console and the HTML. */
final class DemoFacts {
    final Map<RequestState, Integer> byState = new EnumMap<>(RequestState.class);
    final List<String[]> requestRows = new ArrayList<>();
    final List<String[]> versionRows = new ArrayList<>();
    final List<String[]> challengeRows = new ArrayList<>();
    final double[] latencies;
    final List<ModelVersion> versions;
    final Map<String, EvaluationReport> basic;
    final Map<String, EvaluationReport> challenges;
    final int published;
    final int resent;
    /** Every distinct request's way through the system, in publication order. */
    final List<DemoTimeline> timelines;
    final DemoStages stages;

    DemoFacts(DemoTracker t, List<DemoRequests.Item> items) {
        Map<String, DemoRequests.Item> distinct = new LinkedHashMap<>();
        items.forEach(i -> distinct.putIfAbsent(i.requestId(), i));
        published = items.size();
        resent = published - distinct.size();
        List<Double> lat = new ArrayList<>();
        for (DemoRequests.Item i : distinct.values()) {
            RequestState s = t.state(i.requestId());
            byState.merge(s == null ? RequestState.UNKNOWN : s, 1, Integer::sum);
            List<RequestStatus> history = t.statuses.getOrDefault(i.requestId(), List.of());
            RequestStatus last = history.isEmpty() ? null : history.get(history.size() - 1);
            requestRows.add(new String[] {i.requestId(), i.description(), s == null ? "(no status)" : s.name(),
                    last == null || last.getVersionId() == null ? "" : last.getVersionId(),
                    last == null || last.getReason() == null ? "" : last.getReason()});
            double l = t.latencySeconds(i.requestId());
            if (!Double.isNaN(l) && i.expectedValid()) {
                lat.add(l);
            }
        }
        timelines = DemoTimeline.of(distinct.values(), t.statuses, t.publishedAt);
        stages = new DemoStages(timelines);
        latencies = lat.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        versions = new ArrayList<>(t.versions.values());
        basic = t.basicReports;
        challenges = t.challengeReports;
        for (ModelVersion v : versions) {
            EvaluationReport r = basic.get(v.getVersionId());
            versionRows.add(new String[] {v.getVersionId(), v.getKind().name(), v.getMethod(), Integer.toString(v.getAppliedRequestIds().size()),
                    Integer.toString(v.getForgetSetSize()), pct(r == null ? null : r.getUnlearningAccuracy()),
                    pct(r == null ? null : r.getRetainAccuracy()), pct(r == null ? null : r.getTestAccuracy()),
                    pct(r == null ? null : r.getMiaEfficacy()), advantage(r), pct(r == null ? null : r.getConceptAccuracy()),
                    r == null ? "pending" : r.getVerdict().name(), r == null ? "" : String.join("; ", r.getFailingCriteria())});
            EvaluationReport c = challenges.get(v.getVersionId());
            if (c != null && c.getWorstCase() != null) {
                var w = c.getWorstCase();
                challengeRows.add(new String[] {v.getVersionId(), v.getMethod(), Integer.toString(w.getForgetSetSize()),
                        Integer.toString(w.getCandidatePoolSize()), pct(r == null ? null : r.getUnlearningAccuracy()),
                        pct(w.getUnlearningAccuracy()), pct(w.getRetainAccuracy()), pct(w.getTestAccuracy()), pct(w.getMiaEfficacy()),
                        w.getPassed() ? "passed" : "failed"});
            }
        }
    }

    /**
     * The loss attack's membership advantage on the lineage's forget set, the parent's in brackets, e.g. "3.1 (24.8)";
     * "–" for versions without forgetting evidence.
     */
    private static String advantage(EvaluationReport r) {
        if (r == null) {
            return "–";
        }
        return DemoMembership.lineageLoss(r, "version").map(v -> pct(v.advantage()) + DemoMembership.lineageLoss(r, "parent")
                .map(p -> " (" + pct(p.advantage()) + ")").orElse("")).orElse("–");
    }

    /**
     * FAILED and AWAITING_EVIDENCE requests grouped by state, version and reason, e.g. "FAILED: 5 request(s) by m@v2
     * (ids): reason"; a weak batch's requests share one line.
     */
    List<String> groupedOutcomes() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String[] r : requestRows) {
            if (r[2].equals(RequestState.FAILED.name()) || r[2].equals(RequestState.AWAITING_EVIDENCE.name())) {
                groups.computeIfAbsent(r[2] + "\n" + r[3] + "\n" + r[4], k -> new ArrayList<>()).add(r[0]);
            }
        }
        List<String> out = new ArrayList<>();
        groups.forEach((key, ids) -> {
            String[] k = key.split("\n", 3);
            String pending = k[0].equals(RequestState.AWAITING_EVIDENCE.name()) ? " (pending: no later version decided them yet)" : "";
            out.add(k[0] + pending + ": " + ids.size() + " request(s) by " + k[1] + " (" + String.join(", ", ids) + "): " + k[2]);
        });
        return out;
    }

    /** One line per version an escalation built: which versions it superseded, on what, by which method, and why. */
    List<String> supersessions() {
        return versions.stream().filter(v -> !v.getSupersedes().isEmpty()).map(v -> v.getVersionId() + " (" + v.getMethod() + ", on "
                + v.getParentVersionId() + ") supersedes " + String.join(", ", v.getSupersedes())
                + (v.getEscalation() == null ? "" : ": " + v.getEscalation())).toList();
    }

    /** Distinct requests whose version's evidence was too small and that no later version decided (yet). */
    int awaitingEvidence() {
        return byState.getOrDefault(RequestState.AWAITING_EVIDENCE, 0);
    }

    /** Distinct requests that reached a terminal state. */
    int finalCount() {
        return byState.entrySet().stream().filter(e -> e.getKey() != RequestState.UNKNOWN
                && io.unlearn.schemas.RequestLifecycle.isTerminal(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    double percentile(double p) {
        return DemoStages.percentile(latencies, p);
    }

    String latencyLine() {
        return latencies.length == 0 ? "no request finished" : String.format(Locale.ROOT,
                "%d requests, publication → final state: p50 %.1f s, p95 %.1f s, max %.1f s", latencies.length, percentile(0.5),
                percentile(0.95), latencies[latencies.length - 1]);
    }

    static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }
}
