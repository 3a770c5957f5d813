package io.unlearn.bench.scale;

import io.unlearn.runtime.GroupAssignment;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the worker processes' logs say about a run: the group generations they went through (each a completed
 * rebalance, the joins at start included) and the models each one built versions of. The worker logs one line per
 * assignment ({@link GroupAssignment}) and one per batch ({@code <model>: batch of N
 * request(s) -> ...}); the benchmark reads those rather than adding a reporting channel to the worker.
 */
final class WorkerLogs {
    private static final Pattern BATCH = Pattern.compile(" - (\\S+): batch of \\d+ request\\(s\\) -> ");

    private WorkerLogs() {
    }

    /** The distinct group generations that any of {@code logs} was assigned partitions in. */
    static int rebalances(List<String> logs) {
        Set<Integer> generations = new TreeSet<>();
        for (String log : logs) {
            GroupAssignment.parse(log).forEach(a -> generations.add(a.generation()));
        }
        return generations.size();
    }

    /** The models one worker's log shows batches of, among {@code models}. */
    static Set<String> modelsBatched(String log, Set<String> models) {
        Set<String> out = new TreeSet<>();
        Matcher m = BATCH.matcher(log);
        while (m.find()) {
            if (models.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
