package io.unlearn.ml.worstcase;

import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.BatchOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The alternating loop of {@link WorstCaseSearch}: lower level, per-sample losses, projected upper step. */
final class BilevelLoop {

    private static final Logger LOG = LoggerFactory.getLogger(BilevelLoop.class);

    private BilevelLoop() {
    }

    static WorstCaseForgetSet run(WorstCaseSearch s, Classifier model, String dataset, DataView pool, long start,
            ProgressListener listener) {
        int n = pool.size();
        int m = s.forgetSize();
        BatchOrder order = new BatchOrder(s.seed());
        byte[] original = model.parameterBytes();
        String version = s.modelVersion() != null ? s.modelVersion() : model.sha256();
        double[] w = initial(s, n, order);
        double[] continuous = w;
        String stage = "worstcase/" + s.mode().label();
        LowerLevelObjective lower = LowerLevelObjective.forMethod(s.method(), s.hyperparameters());
        if (lower.fallback()) {
            LOG.info("{} has no lower level of its own: the search models it by fine-tuning (ft)", s.method());
        }
        LOG.info("{} search for {} (lower level {}): m={} of a pool of {}, {} outer steps x {} epochs, eta={}{},"
                + " theta lr={}, gamma={}, model {}", s.mode().label(), s.method(), lower.name(), m, n, s.outerSteps(),
                s.innerEpochs(), s.weightLr(), s.scaledStep() ? " per loss sd" : "", s.thetaLr(), s.gamma(), version);
        for (int t = 0; t < s.outerSteps(); t++) {
            float[] loss;
            double accuracy;
            try (Classifier unlearned = LowerLevel.run(lower, model.spec(), original, model.device(), pool, w, m,
                    s.innerEpochs(), s.thetaLr(), s.batchSize(), order, s.seed())) {
                Predictions p = Predictor.predict(unlearned, pool);
                accuracy = p.accuracy();
                loss = s.signal().of(p.logOdds()); // (N), per-sample CE or −log-odds of θ_u(w), pool order
            }
            double eta = s.weightLr() / (s.scaledStep() ? lossScale(loss) : 1.0);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = w[i] + s.mode().direction() * eta * (loss[i] + 2 * s.gamma() * w[i]);
            }
            w = WeightProjection.project(a, m);
            continuous = w;
            boolean binarise = (t + 1) % s.binariseEvery() == 0;
            int[] top = WeightProjection.topM(w, m);
            if (binarise) {
                w = WeightProjection.indicator(n, top);
            }
            double objective = 0;
            for (int i = 0; i < n; i++) {
                objective += continuous[i] * loss[i];
            }
            double selectedLoss = Arrays.stream(top).mapToDouble(i -> loss[i]).average().orElse(Double.NaN);
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.debug("{} step {}/{}: objective {} selected loss {} ({} s)", stage, t + 1, s.outerSteps(), objective,
                    selectedLoss, seconds);
            listener.onProgress(new ProgressEvent(stage, t + 1, s.outerSteps(), Map.of("objective", objective,
                    "selectedLoss", selectedLoss, "meanLoss", mean(loss), "poolAccuracy", accuracy, "binarised", binarise ? 1.0 : 0.0,
                    "seconds", seconds)));
        }
        int[] chosen = WeightProjection.topM(w, m);
        List<String> ids = new ArrayList<>(m);
        List<Double> scores = new ArrayList<>(m);
        for (int i : chosen) {
            ids.add(pool.id(i));
            scores.add(continuous[i]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int epochs = s.outerSteps() * s.innerEpochs();
        SearchCost cost = new SearchCost(seconds, s.outerSteps(), epochs, (long) epochs * n, (long) s.outerSteps() * n);
        LOG.info("{} search done in {} s: {} of {} candidates selected", s.mode().label(),
                String.format(java.util.Locale.ROOT, "%.1f", seconds), m, n);
        Map<String, Double> settings = settings(s);
        settings.putAll(lower.settings());
        return WorstCaseForgetSet.of(ForgetSetKind.WORST, s.mode(), lower.name(), dataset, ids, scores, version,
                s.method(), n, s.seed(), settings, cost);
    }

    private static double[] initial(WorstCaseSearch s, int n, BatchOrder order) {
        if (s.init() == WorstCaseSearch.Init.RANDOM_SUBSET) {
            return WeightProjection.indicator(n, Arrays.copyOf(order.shuffled(n), s.forgetSize()));
        }
        double[] w = new double[n];
        Arrays.fill(w, (double) s.forgetSize() / n);
        return w;
    }

    /**
     * The standard deviation of the pool's losses, the unit of a scaled step; 1 when the losses are all equal (then
     * no step can separate them anyway).
     */
    static double lossScale(float[] loss) {
        double mean = mean(loss);
        double ss = 0;
        for (float x : loss) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / loss.length);
        return sd > 0 && Double.isFinite(sd) ? sd : 1.0;
    }

    private static double mean(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static Map<String, Double> settings(WorstCaseSearch s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("outer_steps", (double) s.outerSteps());
        m.put("inner_epochs", (double) s.innerEpochs());
        m.put("weight_lr", s.weightLr());
        m.put("theta_lr", s.thetaLr());
        m.put("gamma", s.gamma());
        m.put("binarise_every", (double) s.binariseEvery());
        m.put("batch_size", (double) s.batchSize());
        m.put("random_subset_init", s.init() == WorstCaseSearch.Init.RANDOM_SUBSET ? 1.0 : 0.0);
        m.put("scaled_step", s.scaledStep() ? 1.0 : 0.0);
        m.put("log_odds_signal", s.signal() == UpperLevelSignal.LOG_ODDS ? 1.0 : 0.0);
        return m;
    }
}
