package io.unlearn.bench.worstcase;

import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.UnlearningMetrics;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.worstcase.ChallengeSets;
import io.unlearn.ml.worstcase.ForgetSetEvaluation;
import io.unlearn.ml.worstcase.ForgetSetKind;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import io.unlearn.ml.worstcase.WorstCaseSearch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The worst-case benchmark ({@code ./unlearn bench worstcase}): on the default model (the methods benchmark's
 * CNN, shared through the base-model cache) and for each forget ratio, four forget sets of the same size m: a random
 * one (uniform over the training set), the bi-level worst-case set and the gate-hardest set (both chosen for the
 * {@code --set-method}, by default the worker's rl), and the m lowest-loss samples of the pool
 * ({@link ChallengeSets}); Retrain (the reference, on each set) and every approximate method run on each, recording
 * UA, MIA, RA, TA and Avg. Gap, and per method which set makes the gap largest ({@link SetFinding}). Also times the
 * search with the MLP on the same pool. Results are written after every ratio, so a long run leaves partial results
 * behind.
 */
public final class WorstCaseBenchmark {

    private WorstCaseBenchmark() {
    }

    /**
     * @param o the options
     * @param listener receives training, search, method and score events
     * @return the result (also written to the JSON and Markdown files of {@code o.output()})
     */
    public static WorstCaseResult run(WorstCaseOptions o, ProgressListener listener) {
        EngineOptions.Setup setup = o.check().engine().setUp();
        UnlearnDataset data = setup.data();
        Map<String, Object> settings = settings(o, data);
        List<WorstCaseRow> rows = new ArrayList<>();
        List<SearchTiming> searches = new ArrayList<>();
        ModelSpec cnn = BaseModelCache.cnn(data, o.baseEpochs(), o.seed());
        ModelSpec mlp = ModelSpec.mlp(List.of(1L, 28L, 28L), data.numClasses(), TrainingSpec.builder()
                .optEpochs(o.quick() ? 3 : 10).optSeed(o.seed()).build());
        try (Classifier base = setup.base(cnn, listener.prefixed("bench/base/cnn")).model();
                Classifier mlpBase = setup.base(mlp, listener.prefixed("bench/base/mlp")).model()) {
            for (int k = 0; k < o.ratios().size(); k++) {
                double ratio = o.ratios().get(k);
                int m = Math.max(1, (int) Math.round(ratio * data.train().size()));
                int pool = Math.min(Math.max(o.poolSize(), 2 * m), data.train().size());
                ChallengeSets.Builder sets = ChallengeSets.builder().setForgetSize(m)
                        .optPoolSize(pool >= data.train().size() ? 0 : pool).optMethod(o.setMethod())
                        .optOuterSteps(o.outerSteps()).optInnerEpochs(o.innerEpochs()).optSeed(o.seed());
                String at = "bench/" + ratio + "/";
                WorstCaseForgetSet worst = sets.optKind(ForgetSetKind.WORST).build().choose(base, data,
                        listener.prefixed(at + "search"));
                searches.add(new SearchTiming(ratio, "cnn", worst.poolSize(), worst.cost().seconds()));
                WorstCaseForgetSet mlpSet = sets.build().choose(mlpBase, data, listener.prefixed(at + "mlp"));
                searches.add(new SearchTiming(ratio, "mlp", mlpSet.poolSize(), mlpSet.cost().seconds()));
                WorstCaseForgetSet lowest = sets.optKind(ForgetSetKind.LOWEST_LOSS).build().choose(base, data,
                        listener.prefixed(at + "lowest-loss"));
                WorstCaseForgetSet gate = sets.optKind(ForgetSetKind.GATE_HARDEST).build().choose(base, data,
                        listener.prefixed(at + "gate-hardest"));
                Map<String, Collection<String>> chosen = new LinkedHashMap<>();
                chosen.put(ForgetSetKind.RANDOM.label(), data.randomForgetIds(ratio, o.seed()));
                chosen.put(ForgetSetKind.WORST.label(), worst.ids());
                chosen.put(ForgetSetKind.LOWEST_LOSS.label(), lowest.ids());
                chosen.put(ForgetSetKind.GATE_HARDEST.label(), gate.ids());
                for (Map.Entry<String, Collection<String>> e : chosen.entrySet()) {
                    double retrainSeconds = evaluate(rows, e.getKey(), ratio, e.getValue(), base, data, o, listener);
                    if (e.getKey().equals("random")) {
                        settings.put("retrain_seconds_" + ratio, retrainSeconds);
                    }
                }
                settings.put("gate_hardest_seconds_" + ratio, gate.cost().seconds());
                settings.put("worst_shares_with_lowest_loss_" + ratio, shared(worst.ids(), lowest.ids()));
                settings.put("worst_shares_with_gate_hardest_" + ratio, shared(worst.ids(), gate.ids()));
                settings.put("gate_hardest_shares_with_lowest_loss_" + ratio, shared(gate.ids(), lowest.ids()));
                settings.put("worst_set_digest_" + ratio, worst.digest());
                settings.put("worst_lower_level_" + ratio, worst.lowerLevel());
                BenchWriters.write(WorstCaseResult.of(setup.machine(), settings, rows, searches,
                        k == o.ratios().size() - 1), WorstCaseReport.REPORT, o.output());
            }
        }
        return WorstCaseResult.of(setup.machine(), settings, rows, searches, true);
    }

    private static String shared(List<String> a, List<String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a);
        return b.stream().filter(s::contains).count() + " of " + a.size();
    }

    /** Runs Retrain and the methods on one set, adds the rows, returns Retrain's run time. */
    private static double evaluate(List<WorstCaseRow> rows, String set, double ratio, Collection<String> ids,
            Classifier base, UnlearnDataset data, WorstCaseOptions o, ProgressListener listener) {
        ForgetSetEvaluation.Result r = ForgetSetEvaluation.evaluate(base, data, ids, o.methods(), Map.of(), o.seed(),
                listener.prefixed("bench/" + ratio + "/" + set));
        for (ForgetSetEvaluation.MethodScore s : r.scores()) {
            UnlearningMetrics x = s.metrics();
            rows.add(new WorstCaseRow(s.method(), ratio, set, x.ua(), x.mia(), x.ra(), x.ta(), s.avgGap()));
        }
        return r.retrain().rteSeconds();
    }

    private static Map<String, Object> settings(WorstCaseOptions o, UnlearnDataset data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dataset", data.name() + " (" + data.train().size() + " train, " + data.test().size() + " test)");
        s.put("model", "CNN conv16-pool-conv32-pool-fc128-fc10, Adam 1e-3 cosine, batch 128, " + o.baseEpochs()
                + " epochs (Retrain: same recipe)");
        s.put("sets", "random (uniform over the training set), worst and gate-hardest chosen for " + o.setMethod()
                + ", lowest-loss; all of size m, the last three from a class-stratified pool of max(" + o.poolSize()
                + ", 2m)");
        s.put("search", String.format(Locale.ROOT, "%d outer steps x K=%d, eta %s per loss sd (%s signal), theta lr %s,"
                + " gamma %s, uniform init, lower level of %s", o.outerSteps(), o.innerEpochs(),
                WorstCaseSearch.DEFAULT_WEIGHT_LR, WorstCaseSearch.DEFAULT_SIGNAL, WorstCaseSearch.DEFAULT_THETA_LR,
                WorstCaseSearch.DEFAULT_GAMMA, o.setMethod()));
        s.put("gate_hardest", "the method run once on 3m pool samples, the m whose log-odds stand highest among the"
                + " test samples of their class (the MIA's non-members too)");
        s.put("methods", String.join(", ", o.methods()) + " (default hyperparameters, same on every set)");
        s.put("seed", o.seed());
        s.put("quick", o.quick());
        return s;
    }
}
