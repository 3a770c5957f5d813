package io.unlearn.evaluator;

import static io.unlearn.evaluator.MetricKeys.*;
import static io.unlearn.evaluator.PolicyCriterion.*;

import io.unlearn.events.ChallengeVerdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns measurements into a {@link Judgement}. Thresholds ({@link PolicyCriterion}) come from the defaults,
 * then {@code policy.default.<key>}, then {@code policy.<modelId>.<key>} (last wins). Each failing line names
 * the measured value, the threshold and what it means; the thresholds used travel in the report.
 */
public final class EvaluationPolicy {
    public static final String PREFIX = "policy.";
    public static final String DEFAULT_SCOPE = "default";
    private final Map<String, Map<PolicyCriterion, Double>> byScope;

    private EvaluationPolicy(Map<String, Map<PolicyCriterion, Double>> byScope) {
        this.byScope = byScope;
    }

    public static EvaluationPolicy ofDefaults() {
        return new EvaluationPolicy(Map.of());
    }

    /**
     * @param props keys without the {@code policy.} prefix, e.g. {@code default.max.ta.drop} or {@code fmnist-cnn.min.ua.ratio}
     * @throws EvaluatorException listing every unknown criterion and bad value at once
     */
    public static EvaluationPolicy fromProperties(Map<String, ?> props) {
        Map<String, Map<PolicyCriterion, Double>> byScope = new HashMap<>();
        List<String> problems = new ArrayList<>();
        new TreeMap<>(props).forEach((key, raw) -> {
            PolicyCriterion c = longestKeyFirst().stream().filter(k -> key.endsWith("." + k.key())).findFirst().orElse(null);
            if (c == null) {
                problems.add(PREFIX + key + ": unknown criterion; use " + PREFIX + "<default|modelId>.<criterion> with one of "
                        + longestKeyFirst().stream().map(PolicyCriterion::key).sorted().toList());
                return;
            }
            try {
                double v = Double.parseDouble(String.valueOf(raw).trim());
                if (!Double.isFinite(v) || v < 0) {
                    throw new NumberFormatException();
                }
                byScope.computeIfAbsent(key.substring(0, key.length() - c.key().length() - 1), s -> new EnumMap<>(PolicyCriterion.class)).put(c, v);
            } catch (NumberFormatException e) {
                problems.add(PREFIX + key + "=" + raw + " is not a finite number >= 0");
            }
        });
        if (!problems.isEmpty()) {
            throw new EvaluatorException("Invalid evaluation policy: " + String.join("; ", problems));
        }
        return new EvaluationPolicy(byScope);
    }

    /** The thresholds in force for {@code modelId}. */
    public Map<PolicyCriterion, Double> thresholds(String modelId) {
        Map<PolicyCriterion, Double> t = new EnumMap<>(PolicyCriterion.class);
        for (PolicyCriterion c : PolicyCriterion.values()) {
            t.put(c, c.defaultValue());
        }
        t.putAll(byScope.getOrDefault(DEFAULT_SCOPE, Map.of()));
        t.putAll(byScope.getOrDefault(modelId, Map.of()));
        return t;
    }

    /** The forgetting gate with this model's tolerances. */
    public ForgettingGate gate(String modelId) {
        Map<PolicyCriterion, Double> t = thresholds(modelId);
        return new ForgettingGate(t.get(MAX_MEMBERSHIP_ADVANTAGE), t.get(MAX_REMOVED_CLASS_ACCURACY), t.get(MIN_SIGNAL_REMOVED));
    }

    /**
     * UNLEARNED and RETRAINED versions: REJECTED when the artifact equals the parent's, a utility criterion fails (TA, RA
     * against the parent) or the forgetting evidence shows membership; otherwise INCONCLUSIVE while the evidence is
     * undecided (too few forget samples), else CERTIFIED.
     *
     * @param m the measurements (TA and RA drops)
     * @param identicalToParent the artifact sha256 equals the parent's
     * @param evidence the {@link ForgettingGate}'s answer
     */
    public Judgement judgeForgetting(String modelId, Map<String, Double> m, boolean identicalToParent, ForgettingGate.Result evidence) {
        Map<PolicyCriterion, Double> t = thresholds(modelId);
        List<String> failing = new ArrayList<>();
        if (identicalToParent) {
            failing.add("artifact sha256 equals the parent's: nothing was unlearned (the method left the weights unchanged)");
        }
        check(failing, "", MAX_TA_DROP, t, m, m.containsKey(PARENT_TA_KEPT_CLASSES)
                ? "points below the parent's TA " + f(m.get(PARENT_TA_KEPT_CLASSES)) + " on the classes the lineage keeps"
                : "points below the parent's TA " + f(m.get(PARENT_TA)));
        check(failing, "", MAX_RA_DROP, t, m, "points below the parent's RA " + f(m.get(PARENT_RA)));
        failing.addAll(evidence.failing());
        Map<String, Double> used = used(t, MAX_TA_DROP, MAX_RA_DROP, MAX_MEMBERSHIP_ADVANTAGE, MAX_REMOVED_CLASS_ACCURACY, MIN_SIGNAL_REMOVED);
        if (failing.isEmpty() && !evidence.undecided().isEmpty()) {
            return Judgement.inconclusive(evidence.undecided(), used);
        }
        return Judgement.of(failing, used);
    }

    /**
     * The worst-case challenge's verdict (see {@link ChallengeTrial} for why the method is measured against Retrain on the
     * same set rather than against unseen samples alone). CHALLENGE_FAILED when
     * <ul>
     *   <li>the method's membership advantage on the set minus Retrain's (paired 95% interval) lies beyond ±τ
     *   ({@code max.membership.advantage}): above, the method leaves the set detectable where an exact retrain does not;
     *   below, it over-forgets so that the set stands out where Retrain's does not;</li>
     *   <li>or its Avg. Gap to Retrain exceeds {@code max.challenge.gap}.</li>
     * </ul>
     * An interval that straddles τ does not fail: the challenge binds only on evidence. The forgetting gate's own decision
     * on the set is reported beside the verdict, not judged (it would reject Retrain itself on a low-loss set).
     */
    public ChallengeJudgement judgeChallenge(String modelId, ChallengeTrial.Outcome o) {
        Map<PolicyCriterion, Double> t = thresholds(modelId);
        double tau = t.get(MAX_MEMBERSHIP_ADVANTAGE);
        double maxGap = t.get(MAX_CHALLENGE_GAP);
        MembershipAdvantageView x = new MembershipAdvantageView(o.excessAdvantage().advantage(), o.excessAdvantage().ciLow(),
                o.excessAdvantage().ciHigh());
        List<String> failing = new ArrayList<>();
        String excess = "membership advantage (loss) on the " + o.setSize() + "-sample challenge set: the method's "
                + f(o.methodAdvantage().advantage()) + " minus Retrain's " + f(o.retrainAdvantage().advantage()) + " = " + x;
        if (x.low() > tau) {
            failing.add(excess + " > " + f(tau) + " (max.membership.advantage): the method leaves the set detectable where an exact retrain does not");
        } else if (x.high() < -tau) {
            failing.add(excess + " < -" + f(tau) + " (max.membership.advantage): the method over-forgets, the set stands out where Retrain's does not");
        }
        if (o.avgGap() > maxGap) {
            failing.add("Avg. Gap to Retrain on the challenge set " + f(o.avgGap()) + " > " + f(maxGap) + " (max.challenge.gap): "
                    + gapParts(o) + "; the method's result is far from an exact retrain's");
        }
        Map<String, Double> used = used(t, MAX_MEMBERSHIP_ADVANTAGE, MAX_CHALLENGE_GAP);
        if (!failing.isEmpty()) {
            return new ChallengeJudgement(ChallengeVerdict.CHALLENGE_FAILED, failing, used);
        }
        return new ChallengeJudgement(ChallengeVerdict.CHALLENGE_PASSED, List.of(excess + " within ±" + f(tau) + " or undecided",
                "Avg. Gap to Retrain " + f(o.avgGap()) + " <= " + f(maxGap) + ": " + gapParts(o)), used);
    }

    /** An interval of the excess advantage, printed as {@code value [low, high]}. */
    private record MembershipAdvantageView(double value, double low, double high) {
        @Override
        public String toString() {
            return f(value) + " [" + f(low) + ", " + f(high) + "]";
        }
    }

    private static String gapParts(ChallengeTrial.Outcome o) {
        return "UA " + f(o.method().ua()) + " vs " + f(o.retrain().ua()) + ", MIA " + f(o.method().mia()) + " vs " + f(o.retrain().mia())
                + ", RA " + f(o.method().ra()) + " vs " + f(o.retrain().ra()) + ", TA " + f(o.method().ta()) + " vs " + f(o.retrain().ta());
    }

    public Judgement judgeBase(String modelId, Map<String, Double> m) {
        Map<PolicyCriterion, Double> t = thresholds(modelId);
        List<String> failing = new ArrayList<>();
        check(failing, "", MIN_TA, t, m, "the least TA a base model needs");
        return Judgement.of(failing, used(t, MIN_TA));
    }

    public Judgement judgeSuppression(String modelId, Map<String, Double> m) {
        Map<PolicyCriterion, Double> t = thresholds(modelId);
        List<String> failing = new ArrayList<>();
        check(failing, "", MAX_CONCEPT_ACCURACY, t, m, "the concept is still recognised");
        check(failing, "", MAX_CONCEPT_ACCURACY_UNDER_ATTACK, t, m, "an attack brings the concept back");
        check(failing, "", MAX_NONCONCEPT_DROP, t, m, "points of accuracy lost outside the concept");
        return Judgement.of(failing, used(t, MAX_CONCEPT_ACCURACY, MAX_CONCEPT_ACCURACY_UNDER_ATTACK, MAX_NONCONCEPT_DROP));
    }

    private static void check(List<String> failing, String prefix, PolicyCriterion c, Map<PolicyCriterion, Double> t,
            Map<String, Double> m, String meaning) {
        double value = m.get(c.metric());
        double limit = c.limit(t.get(c), m);
        if (c.isBrokenBy(value, limit)) {
            failing.add(prefix + c.metric() + " " + f(value) + (c.isUpperBound() ? " > " : " < ") + f(limit) + " (" + meaning + ")");
        }
    }

    private static Map<String, Double> used(Map<PolicyCriterion, Double> t, PolicyCriterion... criteria) {
        Map<String, Double> out = new TreeMap<>();
        for (PolicyCriterion c : criteria) {
            out.put(c.key(), t.get(c));
        }
        return out;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
