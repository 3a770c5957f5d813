package io.unlearn.bench.methods;

import java.util.Map;

/**
 * One method × setting × seed of the benchmark; serialised with snake_case keys
 * ({@code method, setting, seed, ua, mia, ra, ta, rte_seconds, avg_gap, speedup_vs_retrain, hyperparameters}).
 *
 * @param method {@code original}, {@code retrain} or an approximate method
 * @param setting {@code random} (random forget set) or {@code class} (a whole class)
 * @param seed the seed
 * @param ua 100 − forget accuracy, percent
 * @param mia MIA-Efficacy, percent
 * @param ra retain accuracy, percent
 * @param ta test accuracy, percent
 * @param rteSeconds run time of the unlearning step (0 for {@code original})
 * @param avgGap mean |Δ| of UA, MIA, RA, TA against Retrain of the same setting and seed
 * @param speedupVsRetrain Retrain's run time over this method's (null for {@code original})
 * @param hyperparameters what the method ran with
 */
public record MethodsRow(String method, String setting, long seed, double ua, double mia, double ra, double ta,
        double rteSeconds, double avgGap, Double speedupVsRetrain, Map<String, Object> hyperparameters) {
}
