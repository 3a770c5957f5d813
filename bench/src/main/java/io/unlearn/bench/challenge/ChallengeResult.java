package io.unlearn.bench.challenge;

import java.util.List;
import java.util.Map;

/**
 * Everything the challenge benchmark measured.
 *
 * @param machine the machine and software it ran on
 * @param settings the run's settings and reference times
 * @param rows one row per method × set kind
 * @param complete false while methods are still running (partial results are written along the way)
 */
public record ChallengeResult(Map<String, Object> machine, Map<String, Object> settings, List<ChallengeRow> rows, boolean complete) {

    /** Copies the collections. */
    public ChallengeResult {
        machine = Map.copyOf(machine);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        rows = List.copyOf(rows);
    }
}
