package io.unlearn.bench.methods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Mean and standard deviation over seeds of one method in one setting.
 *
 * @param setting the setting
 * @param method the method
 * @param seeds number of seeds averaged
 * @param ua UA mean, std
 * @param mia MIA mean, std
 * @param ra RA mean, std
 * @param ta TA mean, std
 * @param rteSeconds run time mean, std
 * @param avgGap Avg. Gap mean, std
 * @param speedup speed-up mean, std (NaN for the original model)
 * @param hyperparameters the hyperparameters of the first seed's row
 */
public record MethodsSummary(String setting, String method, int seeds, double[] ua, double[] mia, double[] ra,
        double[] ta, double[] rteSeconds, double[] avgGap, double[] speedup, Map<String, Object> hyperparameters) {

    /**
     * @param rows benchmark rows
     * @return one summary per setting × method, in first-appearance order
     */
    public static List<MethodsSummary> of(List<MethodsRow> rows) {
        Map<String, List<MethodsRow>> groups = rows.stream().collect(Collectors.groupingBy(
                r -> r.setting() + "\u0000" + r.method(), LinkedHashMap::new, Collectors.toList()));
        List<MethodsSummary> out = new ArrayList<>();
        for (List<MethodsRow> g : groups.values()) {
            MethodsRow first = g.get(0);
            out.add(new MethodsSummary(first.setting(), first.method(), g.size(), stats(g, MethodsRow::ua),
                    stats(g, MethodsRow::mia), stats(g, MethodsRow::ra), stats(g, MethodsRow::ta),
                    stats(g, MethodsRow::rteSeconds), stats(g, MethodsRow::avgGap),
                    stats(g, r -> r.speedupVsRetrain() == null ? Double.NaN : r.speedupVsRetrain()),
                    first.hyperparameters()));
        }
        return out;
    }

    private static double[] stats(List<MethodsRow> rows, ToDoubleFunction<MethodsRow> f) {
        double[] v = rows.stream().mapToDouble(f).toArray();
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double var = v.length < 2 ? 0 : java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
        return new double[] {mean, Math.sqrt(var)};
    }
}
