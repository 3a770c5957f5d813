package io.unlearn.demo;

import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.ForgettingGate;
import io.unlearn.evaluator.Judgement;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.ml.metrics.MiaEfficacy;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.SyntheticPredictions;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reports judged by the evaluator's own policy and forgetting gate on synthetic model outputs (per-sample losses as a
 * memorising or a non-memorising model gives them), so that the demo's explanation is tested against the real evidence.
 */
final class DemoGateOutputs {
    /** Mean loss of samples a model trained on (it remembers them) and of samples it never saw. */
    static final double SEEN = 0.02;
    static final double UNSEEN = 0.6;
    private static final int[] PLENTY = IntStream.range(0, 10).map(c -> 6000).toArray();

    private DemoGateOutputs() {
    }

    /**
     * An UNLEARNED version's report as the evaluator publishes it.
     *
     * @param forgetSize samples in the lineage's forget set
     * @param versionLoss the version's mean loss on them (SEEN: it still remembers them; UNSEEN: forgotten)
     */
    static EvaluationReport judged(EvaluationPolicy policy, ModelVersion v, Map<String, Double> metrics, int forgetSize, double versionLoss) {
        ForgettingGate.Result gate = policy.gate(DemoEvents.MODEL).judge(model(forgetSize, versionLoss, 10), model(forgetSize, SEEN, 20),
                new int[0], PLENTY);
        Judgement j = policy.judgeForgetting(DemoEvents.MODEL, metrics, false, gate);
        return EvaluationReport.newBuilder(DemoEvents.report(v, j.verdict(), metrics, j.thresholds(), j.failing()))
                .setForgetting(gate.evidence()).build();
    }

    static Map<String, Double> utility(double taDrop, double raDrop) {
        return new java.util.TreeMap<>(Map.of("ta.drop", taDrop, "ra.drop", raDrop, "ua", 12.0, "mia", 40.0, "parent.ta", 88.0,
                "parent.ra", 95.0, "ta", 88.0 - taDrop, "ra", 95.0 - raDrop));
    }

    private static ForgettingGate.ModelOutputs model(int forgetSize, double forgetLoss, long seed) {
        MiaEfficacy.Attack svm = MiaEfficacy.attack(outputs(1000, SEEN, seed + 1), outputs(1000, UNSEEN, seed + 2), seed, 1000);
        return new ForgettingGate.ModelOutputs(outputs(forgetSize, forgetLoss, seed + 3), outputs(5000, UNSEEN, seed + 4), svm);
    }

    /** n samples over classes 0-9, losses exponential with the given mean; predicted right when p > 0.5. */
    private static Predictions outputs(int n, double meanLoss, long seed) {
        return SyntheticPredictions.exponentialLosses(n, meanLoss, seed, SyntheticPredictions.ALL_CLASSES);
    }
}
