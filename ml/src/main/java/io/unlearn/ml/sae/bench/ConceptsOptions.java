package io.unlearn.ml.sae.bench;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.sae.SaeKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of {@link ConceptsBenchmark}. Build with {@link #builder()}; every value is optional.
 *
 * @param quick small run: 10,000 training and 2,000 test samples, base model 8 epochs, SAE 5 epochs
 * @param out JSON output file
 * @param markdown Markdown file whose "Concept removal with SAEs (issue 4)" section is replaced, or null
 * @param dataDir Fashion-MNIST IDX directory
 * @param seed seed of the base model, SAE and GA
 * @param device device setting (cpu, gpu, gpu:N)
 * @param cache base-model checkpoint cache (shared with the methods benchmark), or null
 * @param saeStore SAE artifact store (SAEs are reused across runs), or null for a temporary one
 * @param layer the layer the SAEs read ({@code penultimate} or {@code encoder.N})
 * @param saeKind the SAE used for suppression
 * @param expansion SAE expansion factor
 * @param saeEpochs SAE training epochs
 * @param features top-k values tried in calibration
 * @param scales γ values tried in calibration
 * @param clamps clamp values tried in calibration
 * @param maxOtherDrop allowed loss of non-concept accuracy in calibration, points
 * @param gaLearningRates GA learning rates tried in calibration (same rule)
 * @param epsilon attack budget (L∞, pixel range [0, 1])
 * @param attackSteps PGD steps
 * @param attackSamples samples attacked per side
 */
public record ConceptsOptions(boolean quick, Path out, Path markdown, Path dataDir, long seed, String device,
        Path cache, Path saeStore, String layer, SaeKind saeKind, int expansion, int saeEpochs, List<Integer> features,
        List<Double> scales, List<Double> clamps, double maxOtherDrop, List<Double> gaLearningRates, double epsilon,
        int attackSteps, int attackSamples) {

    /** Training samples in quick mode. */
    public static final int QUICK_TRAIN = 10_000;
    /** Test samples in quick mode. */
    public static final int QUICK_TEST = 2_000;

    /** Copies the lists. */
    public ConceptsOptions {
        features = List.copyOf(features);
        scales = List.copyOf(scales);
        clamps = List.copyOf(clamps);
        gaLearningRates = List.copyOf(gaLearningRates);
    }

    /** @return base-model epochs (25 full, as the methods benchmark, so its cached model is reused; 8 quick) */
    public int baseEpochs() {
        return quick ? 8 : 25;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder; all values optional. */
    public static final class Builder {
        private boolean quick;
        private Path out = Path.of("bench-out/concepts.json");
        private Path markdown = Path.of("docs/BENCHMARKS.md");
        private Path dataDir = FashionMnist.DEFAULT_DIR;
        private long seed = 1;
        private String device = "cpu";
        private Path cache = Path.of("bench-out/checkpoints");
        private Path saeStore = Path.of("bench-out/sae");
        private String layer = io.unlearn.ml.model.ModelLayer.PENULTIMATE;
        private SaeKind saeKind = SaeKind.TOPK;
        private int expansion = 8;
        private Integer saeEpochs;
        private List<Integer> features = List.of(8, 32, 128, 512);
        private List<Double> scales = List.of(-0.25, -0.5, -1.0, -2.0);
        private List<Double> clamps = List.of(0.0);
        private double maxOtherDrop = 2.0;
        private List<Double> gaLearningRates;
        private double epsilon = 0.03;
        private int attackSteps = 10;
        private int attackSamples = 500;

        /** @param v quick mode @return this */
        public Builder optQuick(boolean v) { quick = v; return this; }
        /** @param v JSON file @return this */
        public Builder optOut(Path v) { out = v; return this; }
        /** @param v Markdown file, or null @return this */
        public Builder optMarkdown(Path v) { markdown = v; return this; }
        /** @param v data directory @return this */
        public Builder optDataDir(Path v) { dataDir = v; return this; }
        /** @param v seed @return this */
        public Builder optSeed(long v) { seed = v; return this; }
        /** @param v device setting @return this */
        public Builder optDevice(String v) { device = v; return this; }
        /** @param v base-model cache, or null @return this */
        public Builder optCache(Path v) { cache = v; return this; }
        /** @param v SAE store, or null @return this */
        public Builder optSaeStore(Path v) { saeStore = v; return this; }
        /** @param v layer name (default penultimate) @return this */
        public Builder optLayer(String v) { layer = v; return this; }
        /** @param v SAE kind for suppression (default TOPK) @return this */
        public Builder optSaeKind(SaeKind v) { saeKind = v; return this; }
        /** @param v expansion (default 8) @return this */
        public Builder optExpansion(int v) { expansion = v; return this; }
        /** @param v SAE epochs (default 20, quick 5) @return this */
        public Builder optSaeEpochs(int v) { saeEpochs = v; return this; }
        /** @param v top-k grid @return this */
        public Builder optFeatures(List<Integer> v) { features = v; return this; }
        /** @param v γ grid @return this */
        public Builder optScales(List<Double> v) { scales = v; return this; }
        /** @param v clamp grid @return this */
        public Builder optClamps(List<Double> v) { clamps = v; return this; }
        /** @param v allowed non-concept loss, points (default 2) @return this */
        public Builder optMaxOtherDrop(double v) { maxOtherDrop = v; return this; }
        /** @param v GA learning rates (default 1e-6, 3e-6, 1e-5; quick 1e-5, 3e-5, 1e-4: 6× fewer steps) @return this */
        public Builder optGaLearningRates(List<Double> v) { gaLearningRates = v; return this; }
        /** @param v attack ε (default 0.03) @return this */
        public Builder optEpsilon(double v) { epsilon = v; return this; }
        /** @param v PGD steps (default 10) @return this */
        public Builder optAttackSteps(int v) { attackSteps = v; return this; }
        /** @param v attacked samples per side (default 500) @return this */
        public Builder optAttackSamples(int v) { attackSamples = v; return this; }

        /** @return the checked options */
        public ConceptsOptions build() {
            List<String> p = new ArrayList<>();
            int epochs = saeEpochs != null ? saeEpochs : quick ? 5 : 20;
            List<Double> gaLrs = gaLearningRates != null ? gaLearningRates
                    : quick ? List.of(1e-5, 3e-5, 1e-4) : List.of(1e-6, 3e-6, 1e-5);
            if (layer == null || layer.isBlank()) { p.add("layer is missing (penultimate or encoder.N)"); }
            if (out == null) { p.add("an output file is needed (--out FILE)"); }
            if (epochs < 1) { p.add("SAE epochs must be at least 1, was " + epochs); }
            if (expansion < 1) { p.add("expansion must be at least 1, was " + expansion); }
            if (features.isEmpty() || features.stream().anyMatch(k -> k < 1)) {
                p.add("features must list positive top-k values, was " + features);
            }
            if (scales.isEmpty() && clamps.isEmpty()) { p.add("give at least one scale or clamp value"); }
            if (gaLrs.isEmpty() || gaLrs.stream().anyMatch(x -> !(x > 0))) {
                p.add("GA learning rates must be positive, was " + gaLrs);
            }
            if (!(epsilon >= 0) || attackSteps < 1 || attackSamples < 1) {
                p.add("attack needs epsilon >= 0, steps >= 1, samples >= 1; was " + epsilon + ", " + attackSteps
                        + ", " + attackSamples);
            }
            if (!(maxOtherDrop >= 0)) { p.add("maxOtherDrop must be >= 0, was " + maxOtherDrop); }
            if (!p.isEmpty()) {
                throw new UnlearnException("bad concepts benchmark options: " + String.join("; ", p));
            }
            return new ConceptsOptions(quick, out, markdown, dataDir, seed, device, cache, saeStore, layer, saeKind,
                    expansion, epochs, features, scales, clamps, maxOtherDrop, gaLrs, epsilon, attackSteps,
                    attackSamples);
        }
    }
}
