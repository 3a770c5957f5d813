package io.unlearn.bench.challenge;

import io.unlearn.bench.harness.Report;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the challenge benchmark presents a {@link ChallengeResult}: its section of docs/BENCHMARKS.md (one row per method and
 * set kind: Avg. Gap to Retrain on the challenge set and on a random set of the same size, the verdicts, the excess
 * membership advantage, the times) and the same on the console. The JSON keeps {@code rows} (method, set, gap_challenge,
 * gap_random, verdict, seconds and the other fields of {@link ChallengeRow}).
 */
public final class ChallengeReport {

    /** The challenge benchmark's report; the console shows the section's body too. */
    public static final Report<ChallengeResult> REPORT = new Report<>("## Worst-case challenge against Retrain",
            ChallengeReport::markdown, ChallengeReport::markdown);

    /** Goal: a challenge's result within this many seconds of the version's publication (2 cores, the demo's model). */
    public static final double GOAL_SECONDS = 300;

    private ChallengeReport() {
    }

    static String markdown(ChallengeResult r) {
        StringBuilder md = new StringBuilder(Report.partialNote(r.complete()));
        md.append("Machine: ").append(kv(r.machine())).append(".\n\nSettings: ").append(kv(r.settings())).append(".\n\n");
        md.append("Avg. Gap (UA, MIA, RA, TA; points) of the method to Retrain on the challenge set (`gap_challenge`) and on a random"
                + " set of the same size (`gap_random`, each against its own Retrain); verdict = the challenge's under the default"
                + " policy (random: the same judgement on the random set); excess = the method's loss-attack membership advantage"
                + " minus Retrain's on the challenge set, 95% interval; gate = the forgetting gate's own decision on the challenge"
                + " set (reported, not judged); seconds = choosing the set + the method + Retrain + scoring, what the evaluator"
                + " takes after the basic report (goal ≤ " + (int) GOAL_SECONDS + " s).\n\n");
        md.append("| method | set | gap_challenge | gap_random | verdict | verdict random | excess [95%] | gate | UA method / Retrain"
                + " | search s | method s | retrain s | seconds |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ChallengeRow x : r.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %s | %s | %.1f [%.1f, %.1f] | %s | %.1f / %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    x.method(), x.set(), x.gapChallenge(), x.gapRandom(), short_(x.verdict()), short_(x.verdictRandom()), x.excessChallenge(),
                    x.excessChallengeLow(), x.excessChallengeHigh(), x.gateDecision(), x.uaMethod(), x.uaRetrain(), x.searchSeconds(),
                    x.methodSeconds(), x.retrainSeconds(), x.seconds()));
        }
        long wider = r.rows().stream().filter(x -> !x.method().equals("retrain") && x.gapChallenge() > x.gapRandom()).count();
        long approximate = r.rows().stream().filter(x -> !x.method().equals("retrain")).count();
        double slowest = r.rows().stream().mapToDouble(ChallengeRow::seconds).max().orElse(Double.NaN);
        String failed = r.rows().stream().filter(x -> x.verdict().equals("CHALLENGE_FAILED")).map(x -> x.method() + " (" + x.set() + ")")
                .collect(Collectors.joining(", "));
        md.append(String.format(Locale.ROOT, "%nThe challenge set widens the gap to Retrain over the random set for %d of %d approximate"
                + " method rows; failed: %s. Slowest challenge %.0f s: goal ≤ %.0f s %s.%n", wider, approximate,
                failed.isEmpty() ? "none" : failed, slowest, GOAL_SECONDS, slowest <= GOAL_SECONDS ? "met" : "missed"));
        return md.toString();
    }

    private static String short_(String verdict) {
        return verdict.replace("CHALLENGE_", "").toLowerCase(Locale.ROOT);
    }

    private static String kv(Map<String, Object> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }
}
