package io.unlearn.bench.gate;

import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.ForgettingGate;
import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.evaluator.PolicyCriterion;
import io.unlearn.ml.data.UnlearnDataset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The settings a gate run records in its JSON and Markdown: what was run, on which data, judged how. */
final class GateRunSettings {
    private GateRunSettings() {
    }

    /**
     * @param o the options
     * @param data the training slice
     * @param whole the whole dataset
     * @return the settings, in presentation order
     */
    static Map<String, Object> of(GateOptions o, UnlearnDataset data, UnlearnDataset whole) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("command", command(o));
        s.put("dataset", data.name() + " (" + data.train().size() + " train, " + data.test().size() + " test)");
        s.put("training slice", o.quick() ? "the first " + EngineOptions.QUICK_TRAIN + " training and "
                + EngineOptions.QUICK_TEST + " test samples (--quick)" : o.trainLimit() > 0 ? "the first "
                + data.train().size() + " training and " + data.test().size() + " test samples (--train-limit "
                + o.trainLimit() + ", the services' dataset.limit slice)" : "all " + whole.train().size() + " training samples");
        s.put("train_limit", o.quick() ? EngineOptions.QUICK_TRAIN : o.trainLimit());
        s.put("model", "CNN conv16-pool-conv32-pool-fc128-fc10, Adam lr 1e-3, cosine to 0, batch 128");
        s.put("bases", o.bases().stream().map(b -> b.name() + " " + b.epochs() + " epochs").collect(Collectors.joining(", "))
                + " (Retrain: the base's recipe, from scratch on the retain set, same seed)");
        s.put("settings", "random = " + Math.round(100 * ForgetSettings.RANDOM_FRACTION) + "% random; class = all of class "
                + ForgetSettings.FORGET_CLASS + "; subject = " + ForgetSettings.SUBJECT_MIN + "-" + ForgetSettings.SUBJECT_MAX
                + " samples of one class chosen by the seed (range scaled by the class's training count / "
                + ForgetSettings.SUBJECT_CLASS_FULL + " when below 1); run: " + o.settings());
        s.put("seeds", o.seeds());
        s.put("candidates", o.candidates());
        Map<PolicyCriterion, Double> t = EvaluationPolicy.ofDefaults().thresholds(GateBenchmark.MODEL_ID);
        Map<String, Object> defaults = EvaluatorConfig.CONFIG_DEF.defaultValues();
        s.put("gate", "EvaluationPolicy.ofDefaults().gate(\"" + GateBenchmark.MODEL_ID + "\"): tolerance "
                + t.get(PolicyCriterion.MAX_MEMBERSHIP_ADVANTAGE) + " points, removed-class accuracy "
                + t.get(PolicyCriterion.MAX_REMOVED_CLASS_ACCURACY) + "%, min signal removed "
                + t.get(PolicyCriterion.MIN_SIGNAL_REMOVED) + "; parent = the base; no batch positions;"
                + " SVM fitted on " + defaults.get(EvaluatorConfig.RETAIN_SAMPLE) + " retain samples vs the first half of"
                + " the test slice (cap " + defaults.get(EvaluatorConfig.MIA_MAX_SHADOW) + ", seed "
                + defaults.get(EvaluatorConfig.SEED) + "); non-member reference: ForgettingGate.nonMemberReference, "
                + (whole.train().size() > data.train().size() ? "training-split samples after the slice" : "the whole test set after that half")
                + " (" + ForgettingGate.nonMemberReference(whole, data).size() + " samples)");
        s.put("adequate", "Avg. Gap to Retrain (UA, MIA, RA, TA) <= " + GateSummary.ADEQUATE_GAP + " points");
        s.put("quick", o.quick());
        return s;
    }

    private static String command(GateOptions o) {
        return "./unlearn bench gate" + (o.quick() ? " --quick" : "") + " --seeds " + o.seeds()
                + (o.trainLimit() > 0 ? " --train-limit " + o.trainLimit() : "");
    }
}
