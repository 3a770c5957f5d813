package io.unlearn.demo;

import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the demo knows at one moment, as {@link DemoProgressView} shows it: requests by state, versions by kind,
 * verdicts of the basic reports, worst-case challenges, and the phase with the elapsed time.
 */
record DemoStatus(String phase, Duration elapsed, int requests, Map<RequestState, Integer> byState,
                  Map<ModelVersionKind, Integer> versions, Map<String, Integer> verdicts, int unjudged, int challengesDone,
                  int challengesPending) {

    static DemoStatus of(DemoTracker tracker, Iterable<String> requestIds, String phase, Duration elapsed) {
        Map<RequestState, Integer> byState = new EnumMap<>(RequestState.class);
        int requests = 0;
        for (String id : requestIds) {
            requests++;
            RequestState s = tracker.state(id);
            if (s != null) {
                byState.merge(s, 1, Integer::sum);
            }
        }
        Map<ModelVersionKind, Integer> versions = new EnumMap<>(ModelVersionKind.class);
        tracker.versions.values().forEach(v -> versions.merge(v.getKind(), 1, Integer::sum));
        Map<String, Integer> verdicts = new TreeMap<>();
        tracker.basicReports.values().forEach(r -> verdicts.merge(r.getVerdict().name(), 1, Integer::sum));
        int unjudged = (int) tracker.versions.keySet().stream().filter(v -> !tracker.basicReports.containsKey(v)).count();
        int pending = (int) tracker.pendingChallenges();
        return new DemoStatus(phase, elapsed, requests, byState, versions, verdicts, unjudged, tracker.challengeReports.size(), pending);
    }

    /** The status block of a terminal: five lines, each well under 80 characters. */
    List<String> block() {
        return List.of(
                "  requests    " + requests + ": " + (byState.isEmpty() ? "none seen yet" : counts(byState)),
                "  versions    " + versions.values().stream().mapToInt(Integer::intValue).sum() + ": " + counts(versions),
                "  verdicts    " + (verdicts.isEmpty() ? "none yet" : counts(verdicts)) + (unjudged > 0 ? ", " + unjudged + " being evaluated" : ""),
                "  challenges  " + challengesDone + " done" + (challengesPending > 0 ? ", " + challengesPending + " pending" : ""),
                "  elapsed     " + clock() + "  " + phase);
    }

    /** One line for a pipe or a log: the same facts as {@link #block()}. */
    String line() {
        return "  [" + clock() + " " + phase + "] " + changes();
    }

    /** Everything but the phase and the time: two statuses with equal changes() show the same progress. */
    String changes() {
        return "requests " + (byState.isEmpty() ? "none seen" : counts(byState)) + " | versions " + counts(versions) + " | verdicts "
                + (verdicts.isEmpty() ? "none" : counts(verdicts)) + (unjudged > 0 ? " (" + unjudged + " pending)" : "")
                + " | challenges " + challengesDone + (challengesPending > 0 ? " (" + challengesPending + " pending)" : "");
    }

    private String clock() {
        long s = elapsed.toSeconds();
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static String counts(Map<?, Integer> m) {
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
