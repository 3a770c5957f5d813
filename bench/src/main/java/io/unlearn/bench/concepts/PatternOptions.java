package io.unlearn.bench.concepts;

import io.unlearn.bench.harness.EngineOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The settings of the pattern case ({@link PatternCaseRun}), as a picocli mixin of {@link ConceptsOptions}: the
 * top-k values its SAE calibration tries and its SAE's epochs. The stamp is carried by a handful of latents, so the
 * grid starts at one feature (the label concepts' grid starts at 8); the SAE is ReLU + L1 with batch
 * {@value #SAE_BATCH}, the recipe that removed the stamp without hurting the target class where a TopK SAE could not
 * (its stamp latents overlap the target's). Quick mode keeps the first {@value #QUICK_TRAIN} training and
 * {@link EngineOptions#QUICK_TEST} test images of {@code fmnist-stamped}.
 */
public final class PatternOptions {

    /** Training images of {@code fmnist-stamped} kept in quick mode. */
    public static final int QUICK_TRAIN = 6_000;
    /** Batch size of the pattern case's SAE. */
    public static final int SAE_BATCH = 128;
    /** Top-k values tried by default. */
    public static final List<Integer> DEFAULT_FEATURES = List.of(1, 2, 4, 8, 16);

    @Option(names = "--pattern-features", paramLabel = "1,4", split = ",", description = "Top-k values the pattern"
            + " case's SAE calibration tries (default: ${DEFAULT-VALUE}).")
    private List<Integer> features = new ArrayList<>(DEFAULT_FEATURES);

    @Option(names = "--pattern-sae-epochs", paramLabel = "N", description = "Training epochs of the pattern case's"
            + " ReLU + L1 SAE (default: 20, quick 10).")
    private Integer saeEpochs;

    /** @return top-k values tried in the pattern case's calibration */
    public List<Integer> features() {
        return List.copyOf(features);
    }

    /**
     * @param quick quick mode (decides the default)
     * @return epochs of the pattern case's SAE
     */
    public int saeEpochs(boolean quick) {
        return saeEpochs != null ? saeEpochs : quick ? 10 : 20;
    }

    /** @return one message per bad value (empty when all are fine) */
    List<String> problems() {
        List<String> p = new ArrayList<>();
        if (features.isEmpty() || features.stream().anyMatch(k -> k < 1)) {
            p.add("--pattern-features must list positive top-k values, was " + features);
        }
        if (saeEpochs(false) < 1) {
            p.add("--pattern-sae-epochs must be at least 1, was " + saeEpochs);
        }
        return p;
    }
}
