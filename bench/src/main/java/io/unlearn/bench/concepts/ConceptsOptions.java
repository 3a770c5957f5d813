package io.unlearn.bench.concepts;

import io.unlearn.bench.harness.BenchRuns;
import io.unlearn.bench.harness.EngineBenchCommand;
import io.unlearn.bench.harness.PathOrNone;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.suppression.PatternConcept;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The concepts subcommand: the settings of {@link ConceptsBenchmark}, parsed by picocli ({@code ./unlearn bench
 * concepts --help}; every value has a default, {@link #check()} lists every problem at once), and its run.
 */
@Command(name = "concepts", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Concept removal with sparse autoencoders against its baselines, on the Fashion-MNIST CNN.",
            "Trains (or reuses) a TopK and a ReLU + L1 SAE on one layer, then for every class, footwear, tops, and"
                    + " footwear + tops at once removes the concept by suppressing SAE features (strength calibrated on"
                    + " the first half of the test set), by gradient ascent and by weight editing with a retain term"
                    + " (method and learning rate calibrated the same way), by masking the concept's logits, and by"
                    + " retraining from scratch without the concept's samples (cached); reports on the second half"
                    + " concept and non-concept accuracy before and after, concept accuracy under a PGD attack, and the"
                    + " inference overhead, and per row a linear probe and a relearning attack on the representation"
                    + " after removal. Then the same for a pattern concept: the corner stamp of fmnist-stamped (sae,"
                    + " mask, weights, retrain)."})
public final class ConceptsOptions extends EngineBenchCommand {

    public ConceptsOptions() {
        super("concepts");
    }
    /** Allowed loss of non-concept accuracy in calibration, points. */
    public static final double MAX_OTHER_DROP = 2.0;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the base model, the SAEs, the weight edits and"
            + " the retrains (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Option(names = "--sae-store", paramLabel = "DIR|none", converter = PathOrNone.class, description = "SAE artifact"
            + " store, reused across runs; 'none' for a temporary one (default: ${DEFAULT-VALUE}).")
    private Path saeStore = Path.of("bench-out/sae");

    @Option(names = "--layer", paramLabel = "penultimate|encoder.N", description = "The layer the SAEs read (default: ${DEFAULT-VALUE}).")
    private String layer = ModelLayer.PENULTIMATE;

    @Option(names = "--sae", paramLabel = "topk|relu_l1", converter = SaeKindConverter.class,
            description = "The SAE used for suppression; both kinds are trained and reported (default: topk).")
    private SaeKind saeKind = SaeKind.TOPK;

    @Option(names = "--expansion", paramLabel = "N", description = "SAE expansion factor (default: ${DEFAULT-VALUE}).")
    private int expansion = 8;

    @Option(names = "--sae-epochs", paramLabel = "N", description = "SAE training epochs (default: 20, quick 5).")
    private Integer saeEpochs;

    @Option(names = "--features", paramLabel = "8,32", split = ",", description = "Top-k values tried in calibration"
            + " (default: ${DEFAULT-VALUE}; each suppressed feature costs 2 x layer width multiply-adds per sample at"
            + " inference: 128 add about 2%% to the CNN, 512 about 11%%).")
    private List<Integer> features = new ArrayList<>(List.of(8, 32, 128));

    @Option(names = "--concepts", paramLabel = "footwear,corner-stamp", split = ",", description = "Run only these"
            + " concepts (label concepts by name, e.g. Sneaker or footwear+tops; the pattern as " + PatternConcept.DEFAULT_NAME
            + "); default: all.")
    private List<String> concepts = new ArrayList<>();

    @Option(names = "--drop-error-term", description = "Also try every setting with the SAE's reconstruction error"
            + " dropped; that runs the whole SAE at each inference (about 20%% extra on the CNN), so it is off by default.")
    private boolean dropErrorTerm;

    @Option(names = "--timing-repeats", paramLabel = "N", description = "Passes over the timing samples per model"
            + " when measuring inference overhead, interleaved (default: 21, quick 7).")
    private Integer timingRepeats;

    @Option(names = "--scales", paramLabel = "-0.5,-2", split = ",", converter = NumberOrBlank.class,
            description = "Feature scales γ tried in calibration (default: ${DEFAULT-VALUE}).")
    private List<Double> scales = new ArrayList<>(List.of(-0.25, -0.5, -1.0, -2.0));

    @Option(names = "--clamps", paramLabel = "0", split = ",", converter = NumberOrBlank.class,
            description = "Clamp values tried in calibration; '' for none (default: ${DEFAULT-VALUE}).")
    private List<Double> clamps = new ArrayList<>(List.of(0.0));

    @Option(names = "--ga-lrs", paramLabel = "1e-5,1e-4", split = ",", converter = NumberOrBlank.class,
            description = "Gradient-ascent learning rates tried in calibration (default: 1e-6,3e-6,1e-5; quick"
                    + " 1e-5,3e-5,1e-4, as quick runs 6× fewer steps).")
    private List<Double> gaLearningRates;

    @Mixin
    private WeightEditOptions weights = new WeightEditOptions();

    @Mixin
    private PatternOptions pattern = new PatternOptions();

    @Option(names = "--epsilon", paramLabel = "E", description = "Attack budget, L∞ on pixels in [0, 1] (default: ${DEFAULT-VALUE}).")
    private double epsilon = 0.03;

    @Option(names = "--attack-steps", paramLabel = "N", description = "PGD steps (default: ${DEFAULT-VALUE}).")
    private int attackSteps = 10;

    @Option(names = "--attack-samples", paramLabel = "N", description = "Samples attacked per side (default: 500,"
            + " quick 100: each method of a concept runs PGD on both models, and quick mode also runs the probe,"
            + " the relearning attacks and the pattern case within its 10 minutes).")
    private Integer attackSamples;

    /** A number, or nothing for an empty value (so {@code --clamps ''} means none). */
    static final class NumberOrBlank implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return value.isBlank() ? null : Double.valueOf(value.trim());
        }
    }

    /** {@code topk} or {@code relu_l1}, in any case. */
    static final class SaeKindConverter implements ITypeConverter<SaeKind> {
        @Override
        public SaeKind convert(String value) {
            try {
                return SaeKind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UnlearnException("--sae must be topk or relu_l1, was '" + value + "'", e);
            }
        }
    }

    /** @return the seed of the base model, the SAEs, the weight edits and the retrains */
    public long seed() { return seed; }
    /** @return the SAE store, or null for a temporary one */
    public Path saeStore() { return saeStore; }
    /** @return the layer the SAEs read */
    public String layer() { return layer; }
    /** @return the SAE used for suppression */
    public SaeKind saeKind() { return saeKind; }
    /** @return the SAE expansion factor */
    public int expansion() { return expansion; }
    /** @return SAE training epochs */
    public int saeEpochs() { return saeEpochs != null ? saeEpochs : quick() ? 5 : 20; }
    /** @return top-k values tried in calibration */
    public List<Integer> features() { return List.copyOf(features); }
    /** @return the concepts to run, or empty for all */
    public List<String> concepts() { return List.copyOf(concepts); }

    /**
     * @param all every label concept
     * @return those {@link #concepts()} names (all when it is empty), in their order
     * @throws UnlearnException naming the known concepts when a name is unknown
     */
    List<ConceptCase> chosen(List<ConceptCase> all) {
        List<String> known = new ArrayList<>(all.stream().map(ConceptCase::name).toList());
        known.add(PatternConcept.DEFAULT_NAME);
        List<String> unknown = concepts.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new UnlearnException("unknown concept(s) " + unknown + " in --concepts; the concepts are " + known);
        }
        return all.stream().filter(c -> concepts.isEmpty() || concepts.contains(c.name())).toList();
    }

    /** @return whether settings that drop the SAE's error term are tried too */
    public boolean dropErrorTerm() { return dropErrorTerm; }
    /** @return passes per model when timing inference */
    public int timingRepeats() { return timingRepeats != null ? timingRepeats : quick() ? 7 : 21; }
    /** @return γ values tried in calibration */
    public List<Double> scales() { return present(scales); }
    /** @return clamp values tried in calibration */
    public List<Double> clamps() { return present(clamps); }
    /** @return allowed loss of non-concept accuracy in calibration, points */
    public double maxOtherDrop() { return MAX_OTHER_DROP; }
    /** @return epsilon of the attack */
    public double epsilon() { return epsilon; }
    /** @return PGD steps */
    public int attackSteps() { return attackSteps; }
    /** @return samples attacked per side */
    public int attackSamples() { return attackSamples != null ? attackSamples : quick() ? 100 : 500; }

    /** @return GA learning rates tried in calibration */
    public List<Double> gaLearningRates() {
        return gaLearningRates != null ? present(gaLearningRates)
                : quick() ? List.of(1e-5, 3e-5, 1e-4) : List.of(1e-6, 3e-6, 1e-5);
    }

    /** @return learning rates of the weight-editing rows */
    public List<Double> weightsLearningRates() { return weights.learningRates(quick()); }

    /** @return the settings of the weight-editing rows */
    public WeightEditOptions weights() { return weights; }

    /** @return the settings of the pattern case */
    public PatternOptions pattern() { return pattern; }

    /** @return base-model epochs (the methods benchmark's, so its cached model is reused) */
    public int baseEpochs() {
        return engine().baseEpochs(null);
    }

    @Override
    public Integer call() {
        return BenchRuns.engine(() -> ConceptsBenchmark.run(this, System.out::println), ConceptsReport.REPORT, output());
    }

    /**
     * @return these options
     * @throws UnlearnException listing every bad value at once
     */
    public ConceptsOptions check() {
        List<String> p = new ArrayList<>();
        if (layer == null || layer.isBlank()) { p.add("layer is missing (penultimate or encoder.N)"); }
        if (output().out() == null) { p.add("an output file is needed (--out FILE)"); }
        if (saeEpochs() < 1) { p.add("SAE epochs must be at least 1, was " + saeEpochs()); }
        if (expansion < 1) { p.add("expansion must be at least 1, was " + expansion); }
        if (features.isEmpty() || features.stream().anyMatch(k -> k < 1)) {
            p.add("features must list positive top-k values, was " + features);
        }
        if (scales().isEmpty() && clamps().isEmpty()) { p.add("give at least one scale or clamp value"); }
        List<Double> gaLrs = gaLearningRates();
        if (gaLrs.isEmpty() || gaLrs.stream().anyMatch(x -> !(x > 0))) {
            p.add("GA learning rates must be positive, was " + gaLrs);
        }
        p.addAll(weights.problems());
        p.addAll(pattern.problems());
        if (timingRepeats() < 1) { p.add("--timing-repeats must be at least 1, was " + timingRepeats()); }
        if (!(epsilon >= 0) || attackSteps < 1 || attackSamples() < 1) {
            p.add("attack needs epsilon >= 0, steps >= 1, samples >= 1; was " + epsilon + ", " + attackSteps
                    + ", " + attackSamples());
        }
        if (!p.isEmpty()) {
            throw new UnlearnException("bad concepts benchmark options: " + String.join("; ", p));
        }
        return this;
    }

    private static List<Double> present(List<Double> values) {
        return values.stream().filter(Objects::nonNull).toList();
    }
}
