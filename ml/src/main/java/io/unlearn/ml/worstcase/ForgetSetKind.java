package io.unlearn.ml.worstcase;

import io.unlearn.ml.UnlearnException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a challenge forget set of m samples is chosen ({@link ChallengeSets}); the label is what benchmarks and events
 * record ({@code random}, {@code worst}, {@code lowest-loss}, {@code gate-hardest}).
 */
public enum ForgetSetKind {
    /** A seeded uniformly random m-subset of the candidates: the reference every other kind is compared with. */
    RANDOM,
    /** The bi-level search of "Challenging Forgets" ({@link WorstCaseSearch}, mode WORST). */
    WORST,
    /** The m candidates the model fits best (lowest per-sample loss): the trivial set a skeptic tries first. */
    LOWEST_LOSS,
    /** The m candidates whose membership stays most detectable after the method ran (this system's own choice). */
    GATE_HARDEST;

    /** @return the lower-case label with dashes, e.g. {@code lowest-loss} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param label e.g. {@code worst} or {@code lowest-loss}
     * @return the kind
     * @throws UnlearnException naming the known labels
     */
    public static ForgetSetKind byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst()
                .orElseThrow(() -> new UnlearnException("unknown forget-set kind '" + label + "'; use one of "
                        + Arrays.stream(values()).map(ForgetSetKind::label).toList()));
    }
}
