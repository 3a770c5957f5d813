package io.unlearn.ml.bench;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.unlearn.UnlearningMethods;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of {@link MethodsBenchmark}. Immutable; build with {@link #builder()}; every value is optional.
 *
 * @param seeds number of seeds (base model, forget set and methods all follow the seed)
 * @param quick a small run for a quick look: 10,000 training and 2,000 test samples, 8 base epochs
 * @param out JSON output file
 * @param markdown Markdown file whose "Unlearning methods (issue 3)" section is replaced, or null
 * @param dataDir directory of the Fashion-MNIST IDX files
 * @param baseEpochs epochs of the base model (and of Retrain)
 * @param forgetFraction share of training samples in the random forget set
 * @param forgetClass the class forgotten in the class-wise setting
 * @param methods the methods to compare with Retrain (Retrain always runs)
 * @param overrides hyperparameter overrides per method name
 * @param sweeps per method, hyperparameters to sweep (each value becomes its own row, named e.g.
 *     {@code ft{lr=0.005}}), crossed with the overrides
 * @param device device setting (cpu, gpu, gpu:N)
 * @param cache directory where base models are kept between runs (content-addressed), or null
 */
public record BenchmarkOptions(int seeds, boolean quick, Path out, Path markdown, Path dataDir, int baseEpochs,
        double forgetFraction, int forgetClass, List<String> methods, Map<String, Map<String, Number>> overrides,
        Map<String, Map<String, List<Number>>> sweeps, String device, Path cache) {

    /** Default number of seeds. */
    public static final int DEFAULT_SEEDS = 3;
    /** Default epochs of the base model and Retrain (full run): enough to (nearly) memorise the training set. */
    public static final int DEFAULT_BASE_EPOCHS = 25;
    /** Base epochs in quick mode. */
    public static final int QUICK_BASE_EPOCHS = 8;
    /** Training samples in quick mode. */
    public static final int QUICK_TRAIN = 10_000;
    /** Test samples in quick mode. */
    public static final int QUICK_TEST = 2_000;

    /** Copies the collections. */
    public BenchmarkOptions {
        methods = List.copyOf(methods);
        Map<String, Map<String, Number>> copy = new LinkedHashMap<>();
        overrides.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        overrides = java.util.Collections.unmodifiableMap(copy);
        Map<String, Map<String, List<Number>>> sweepCopy = new LinkedHashMap<>();
        sweeps.forEach((k, v) -> sweepCopy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        sweeps = java.util.Collections.unmodifiableMap(sweepCopy);
    }

    /**
     * The hyperparameter variants of a method: the overrides crossed with every sweep value.
     *
     * @param method a method name
     * @return the variants, each a full override map (one empty map when nothing is set)
     */
    public List<Map<String, Number>> variants(String method) {
        List<Map<String, Number>> out = new ArrayList<>(List.of(new LinkedHashMap<>(overrides.getOrDefault(method,
                Map.of()))));
        sweeps.getOrDefault(method, Map.of()).forEach((key, values) -> {
            List<Map<String, Number>> next = new ArrayList<>();
            for (Map<String, Number> v : out) {
                for (Number value : values) {
                    Map<String, Number> m = new LinkedHashMap<>(v);
                    m.put(key, value);
                    next.add(m);
                }
            }
            out.clear();
            out.addAll(next);
        });
        return out;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder; {@code opt*} values are optional. */
    public static final class Builder {
        private int seeds = DEFAULT_SEEDS;
        private boolean quick;
        private Path out = Path.of("bench-out/methods.json");
        private Path markdown = Path.of("docs/BENCHMARKS.md");
        private Path dataDir = FashionMnist.DEFAULT_DIR;
        private Integer baseEpochs;
        private double forgetFraction = 0.1;
        private int forgetClass;
        private List<String> methods = UnlearningMethods.NAMES.subList(1, UnlearningMethods.NAMES.size());
        private final Map<String, Map<String, Number>> overrides = new LinkedHashMap<>();
        private final Map<String, Map<String, List<Number>>> sweeps = new LinkedHashMap<>();
        private String device = "cpu";
        private Path cache = Path.of("bench-out/checkpoints");

        /** @param v seeds, at least 1 @return this */
        public Builder optSeeds(int v) { seeds = v; return this; }
        /** @param v quick mode @return this */
        public Builder optQuick(boolean v) { quick = v; return this; }
        /** @param v JSON output @return this */
        public Builder optOut(Path v) { out = v; return this; }
        /** @param v Markdown file to update, or null for none @return this */
        public Builder optMarkdown(Path v) { markdown = v; return this; }
        /** @param v data directory @return this */
        public Builder optDataDir(Path v) { dataDir = v; return this; }
        /** @param v base epochs (default 20, quick 8) @return this */
        public Builder optBaseEpochs(int v) { baseEpochs = v; return this; }
        /** @param v random forget share in (0, 1) @return this */
        public Builder optForgetFraction(double v) { forgetFraction = v; return this; }
        /** @param v class forgotten in the class-wise setting @return this */
        public Builder optForgetClass(int v) { forgetClass = v; return this; }
        /** @param v methods to compare (names as in UnlearningMethods) @return this */
        public Builder optMethods(List<String> v) { methods = v; return this; }
        /** @param method a method @param key a hyperparameter @param value its value @return this */
        public Builder optOverride(String method, String key, Number value) {
            overrides.computeIfAbsent(method, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }
        /** @param method a method @param key a hyperparameter @param values values to sweep @return this */
        public Builder optSweep(String method, String key, List<Number> values) {
            sweeps.computeIfAbsent(method, k -> new LinkedHashMap<>()).put(key, List.copyOf(values));
            return this;
        }
        /** @param v base-model cache directory, or null for none @return this */
        public Builder optCache(Path v) { cache = v; return this; }
        /** @param v device setting @return this */
        public Builder optDevice(String v) { device = v; return this; }

        /** @return the checked options */
        public BenchmarkOptions build() {
            List<String> problems = new ArrayList<>();
            if (seeds < 1) { problems.add("seeds must be at least 1, was " + seeds); }
            int epochs = baseEpochs != null ? baseEpochs : quick ? QUICK_BASE_EPOCHS : DEFAULT_BASE_EPOCHS;
            if (epochs < 1) { problems.add("base epochs must be at least 1, was " + epochs); }
            if (!(forgetFraction > 0 && forgetFraction < 1)) {
                problems.add("forget fraction must lie in (0, 1), was " + forgetFraction);
            }
            if (out == null) { problems.add("an output file is needed (optOut)"); }
            for (String m : methods) {
                try {
                    UnlearningMethods.byName(m);
                } catch (UnlearnException e) {
                    problems.add(e.getMessage());
                }
            }
            Map<String, Map<String, Number>> all = new LinkedHashMap<>(overrides);
            sweeps.forEach((m, hp) -> hp.forEach((k, v) -> all.computeIfAbsent(m, x -> new LinkedHashMap<>())
                    .put(k, v.get(0))));
            all.forEach((m, hp) -> {
                try {
                    UnlearningMethods.byName(m).defaults().with(hp);
                } catch (UnlearnException e) {
                    problems.add(e.getMessage());
                }
            });
            if (!problems.isEmpty()) {
                throw new UnlearnException("bad benchmark options: " + String.join("; ", problems));
            }
            List<String> ms = methods.stream().filter(m -> !m.equalsIgnoreCase("retrain")).toList();
            return new BenchmarkOptions(seeds, quick, out, markdown, dataDir, epochs, forgetFraction, forgetClass, ms,
                    overrides, sweeps, device, cache);
        }
    }
}
