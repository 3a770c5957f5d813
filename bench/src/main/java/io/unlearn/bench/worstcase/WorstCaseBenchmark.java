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
import io.unlearn.ml.worstcase.ForgetSetEvaluation;
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
 * CNN, shared through the base-model cache) and for each forget ratio, searches the worst-case set, draws a
 * random set of the same size, and runs Retrain (the reference, on each set) and every approximate method on both,
 * recording UA, MIA, RA, TA and Avg. Gap. Also times the search with the MLP on the same pool. Results are written
 * after every ratio, so a long run leaves partial results behind.
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
                WorstCaseSearch search = WorstCaseSearch.builder().setForgetSize(m)
                        .optPoolSize(pool >= data.train().size() ? 0 : pool).optOuterSteps(o.outerSteps())
                        .optInnerEpochs(o.innerEpochs()).optSeed(o.seed()).build();
                WorstCaseForgetSet worst = search.search(base, data, listener.prefixed("bench/" + ratio + "/search"));
                searches.add(new SearchTiming(ratio, "cnn", worst.poolSize(), worst.cost().seconds()));
                WorstCaseForgetSet mlpSet = search.search(mlpBase, data, listener.prefixed("bench/" + ratio + "/mlp"));
                searches.add(new SearchTiming(ratio, "mlp", mlpSet.poolSize(), mlpSet.cost().seconds()));
                List<String> random = data.randomForgetIds(ratio, o.seed());
                double retrainSeconds = evaluate(rows, "random", ratio, random, base, data, o, listener);
                evaluate(rows, "worst", ratio, worst.ids(), base, data, o, listener);
                settings.put("retrain_seconds_" + ratio, retrainSeconds);
                settings.put("worst_set_digest_" + ratio, worst.digest());
                BenchWriters.write(new WorstCaseResult(setup.machine(), settings, rows, searches,
                        k == o.ratios().size() - 1), WorstCaseReport.REPORT, o.output());
            }
        }
        return new WorstCaseResult(setup.machine(), settings, rows, searches, true);
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
        s.put("search", String.format(Locale.ROOT, "%d outer steps x K=%d, eta 1e-3, theta lr 1e-3, gamma 1e-4,"
                + " uniform init, pool max(%d, 2m) class-stratified", o.outerSteps(), o.innerEpochs(), o.poolSize()));
        s.put("methods", String.join(", ", o.methods()) + " (default hyperparameters, same on both sets)");
        s.put("seed", o.seed());
        s.put("quick", o.quick());
        return s;
    }
}
