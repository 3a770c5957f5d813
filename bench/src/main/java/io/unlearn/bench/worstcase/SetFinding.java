package io.unlearn.bench.worstcase;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For one method at one ratio: its Avg. Gap to Retrain on each set kind, which set makes it largest, and whether the
 * worst-case set widens it against the random set (the claim of "Challenging Forgets").
 *
 * @param ratio the forget ratio
 * @param method the method
 * @param gaps Avg. Gap by set label ({@code random}, {@code worst}, {@code lowest-loss}, {@code gate-hardest}), in
 *     points; only the sets that were run
 * @param largestGapSet the set label with the largest gap
 * @param worstWidensGap whether the gap on {@code worst} exceeds the gap on {@code random} (null when either is missing)
 */
public record SetFinding(double ratio, String method, Map<String, Double> gaps, String largestGapSet,
        Boolean worstWidensGap) {

    /** Copies the map, keeping its order. */
    public SetFinding {
        gaps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(gaps));
    }

    /**
     * @param rows every row of the run
     * @return one finding per ratio and approximate method (Retrain, the reference, has none), in row order
     */
    static List<SetFinding> of(List<WorstCaseRow> rows) {
        return rows.stream().filter(r -> !r.method().equals("retrain"))
                .map(r -> Map.entry(r.ratio(), r.method())).distinct()
                .map(k -> finding(rows, k.getKey(), k.getValue())).toList();
    }

    private static SetFinding finding(List<WorstCaseRow> rows, double ratio, String method) {
        Map<String, Double> gaps = new LinkedHashMap<>();
        rows.stream().filter(r -> r.ratio() == ratio && r.method().equals(method))
                .forEach(r -> gaps.put(r.set(), r.avgGap()));
        String largest = gaps.entrySet().stream().max(Comparator.comparingDouble(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElseThrow();
        Optional<Double> random = Optional.ofNullable(gaps.get("random"));
        Optional<Double> worst = Optional.ofNullable(gaps.get("worst"));
        Boolean widens = random.isPresent() && worst.isPresent() ? worst.get() > random.get() : null;
        return new SetFinding(ratio, method, gaps, largest, widens);
    }
}
