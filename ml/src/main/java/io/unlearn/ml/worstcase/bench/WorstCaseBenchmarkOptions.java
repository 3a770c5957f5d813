package io.unlearn.ml.worstcase.bench;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.unlearn.UnlearningMethods;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of {@link WorstCaseBenchmark}. Immutable; build with {@link #builder()}; every value is optional.
 *
 * @param quick a small run for a quick look: 10,000 training and 2,000 test samples, 8 base epochs, a pool of
 *     2,000 and a 5 × 2-epoch search
 * @param out JSON output file
 * @param markdown Markdown file whose "Worst-case forget sets (issue 5)" section is replaced, or null
 * @param dataDir directory of the Fashion-MNIST IDX files
 * @param seed seed of the base model, the random sets, the pool, the search and the methods
 * @param ratios forget ratios (shares of the training set), each in (0, 0.5)
 * @param poolSize candidate pool size (the pool is at least 2m, at most the training set)
 * @param device device setting (cpu, gpu, gpu:N)
 * @param cache base-model cache directory (shared with the methods benchmark), or null
 * @param methods approximate methods to compare with Retrain
 * @param baseEpochs epochs of the base CNN (and of Retrain)
 * @param outerSteps search outer steps
 * @param innerEpochs search lower-level epochs K
 */
public record WorstCaseBenchmarkOptions(boolean quick, Path out, Path markdown, Path dataDir, long seed,
        List<Double> ratios, int poolSize, String device, Path cache, List<String> methods, int baseEpochs,
        int outerSteps, int innerEpochs) {

    /** Copies the lists. */
    public WorstCaseBenchmarkOptions {
        ratios = List.copyOf(ratios);
        methods = List.copyOf(methods);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder; {@code opt*} values are optional. */
    public static final class Builder {
        private boolean quick;
        private Path out = Path.of("bench-out/worstcase.json");
        private Path markdown = Path.of("docs/BENCHMARKS.md");
        private Path dataDir = FashionMnist.DEFAULT_DIR;
        private long seed = 1;
        private List<Double> ratios = List.of(0.01, 0.1);
        private Integer poolSize;
        private String device = "cpu";
        private Path cache = Path.of("bench-out/checkpoints");
        private List<String> methods = UnlearningMethods.NAMES.subList(1, UnlearningMethods.NAMES.size());
        private Integer baseEpochs;
        private Integer outerSteps;
        private Integer innerEpochs;

        /** @param v quick mode @return this */
        public Builder optQuick(boolean v) { quick = v; return this; }
        /** @param v JSON output @return this */
        public Builder optOut(Path v) { out = v; return this; }
        /** @param v Markdown file to update, or null @return this */
        public Builder optMarkdown(Path v) { markdown = v; return this; }
        /** @param v data directory @return this */
        public Builder optDataDir(Path v) { dataDir = v; return this; }
        /** @param v seed @return this */
        public Builder optSeed(long v) { seed = v; return this; }
        /** @param v forget ratios (default 0.01, 0.1) @return this */
        public Builder optRatios(List<Double> v) { ratios = v; return this; }
        /** @param v pool size (default 10,000; quick 2,000) @return this */
        public Builder optPoolSize(int v) { poolSize = v; return this; }
        /** @param v device @return this */
        public Builder optDevice(String v) { device = v; return this; }
        /** @param v base-model cache, or null @return this */
        public Builder optCache(Path v) { cache = v; return this; }
        /** @param v approximate methods @return this */
        public Builder optMethods(List<String> v) { methods = v; return this; }
        /** @param v base epochs (default 25; quick 8) @return this */
        public Builder optBaseEpochs(int v) { baseEpochs = v; return this; }
        /** @param v search outer steps (default 20; quick 5) @return this */
        public Builder optOuterSteps(int v) { outerSteps = v; return this; }
        /** @param v search K (default 10; quick 2) @return this */
        public Builder optInnerEpochs(int v) { innerEpochs = v; return this; }

        /** @return the checked options; every problem is listed at once */
        public WorstCaseBenchmarkOptions build() {
            int pool = poolSize != null ? poolSize : quick ? 2_000 : 10_000;
            int epochs = baseEpochs != null ? baseEpochs : quick ? 8 : 25;
            int outer = outerSteps != null ? outerSteps : quick ? 5 : 20;
            int inner = innerEpochs != null ? innerEpochs : quick ? 2 : 10;
            List<String> p = new ArrayList<>();
            if (out == null) { p.add("an output file is needed (optOut / --out FILE.json)"); }
            if (ratios == null || ratios.isEmpty() || ratios.stream().anyMatch(r -> !(r > 0 && r < 0.5))) {
                p.add("ratios must be a non-empty list of shares in (0, 0.5), was " + ratios);
            }
            if (pool < 2) { p.add("pool size must be at least 2, was " + pool); }
            if (epochs < 1) { p.add("base epochs must be at least 1, was " + epochs); }
            if (outer < 1 || inner < 1) { p.add("outer steps and K must be at least 1, were " + outer + ", " + inner); }
            for (String m : methods == null ? List.<String>of() : methods) {
                try {
                    UnlearningMethods.byName(m);
                } catch (UnlearnException e) {
                    p.add(e.getMessage());
                }
            }
            if (!p.isEmpty()) {
                throw new UnlearnException("bad worst-case benchmark options: " + String.join("; ", p));
            }
            return new WorstCaseBenchmarkOptions(quick, out, markdown, dataDir, seed, ratios, pool, device, cache,
                    methods, epochs, outer, inner);
        }
    }
}
