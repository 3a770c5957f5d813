package io.unlearn.bench.gate;

/**
 * The two base models the gate is checked on: {@code memorising} (the methods benchmark's base, trained until it
 * nearly memorises its training set, so membership shows) and {@code weak} (a few epochs: it barely memorised
 * anything, so there is little to forget and little for an attack to see).
 */
public final class GateBases {
    /** The methods benchmark's base: {@code EngineOptions.DEFAULT_BASE_EPOCHS} epochs (quick: the quick epochs). */
    public static final String MEMORISING = "memorising";
    /** A base trained for {@link #WEAK_EPOCHS} epochs. */
    public static final String WEAK = "weak";
    /** Epochs of the weak base (and of its Retrain). */
    public static final int WEAK_EPOCHS = 3;

    private GateBases() {
    }

    /**
     * One base: its name and the epochs of its recipe (Retrain uses the same).
     *
     * @param name {@link #MEMORISING} or {@link #WEAK}
     * @param epochs training epochs
     */
    public record Base(String name, int epochs) {
    }
}
