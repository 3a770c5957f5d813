package io.unlearn.bench.gate;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The gate benchmark's forget sets: {@code random} ({@value #RANDOM_FRACTION} of the training samples at random),
 * {@code class} (every training sample of class {@value #FORGET_CLASS}) and {@code subject} (a subject-sized
 * correlated deletion: {@value #SUBJECT_MIN}–{@value #SUBJECT_MAX} samples, all of one class; the class, the size and the
 * samples follow the seed; on a slice with fewer than {@value #SUBJECT_CLASS_FULL} samples in that class the range
 * shrinks in proportion).
 */
public final class ForgetSettings {
    /** Setting names, in run order. */
    public static final List<String> NAMES = List.of("random", "class", "subject");
    /** Share of training samples in the random forget set. */
    public static final double RANDOM_FRACTION = 0.1;
    /** The class forgotten in the class setting (T-shirt/top, as in the methods benchmark). */
    public static final int FORGET_CLASS = 0;
    /** Smallest subject forget set on a full-size class. */
    public static final int SUBJECT_MIN = 300;
    /** Largest subject forget set on a full-size class. */
    public static final int SUBJECT_MAX = 600;
    /** Training samples a class needs for the unscaled subject range (twice the largest set). */
    public static final int SUBJECT_CLASS_FULL = 2 * SUBJECT_MAX;

    private ForgetSettings() {
    }

    /**
     * One setting's forget set and the test view its TA and MIA-Efficacy are measured on.
     *
     * @param name the setting
     * @param forgetIds ids of the training samples to forget
     * @param test test samples for TA (the class setting leaves the forgotten class out, as the methods benchmark does)
     * @param description what the set is, for the report
     */
    public record Setting(String name, List<String> forgetIds, DataView test, String description) {
    }

    /**
     * @param name a name of {@link #NAMES}
     * @param data the training slice
     * @param seed the seed
     * @return the setting
     */
    public static Setting of(String name, UnlearnDataset data, long seed) {
        return switch (name) {
            case "random" -> new Setting(name, data.randomForgetIds(RANDOM_FRACTION, seed), data.test(),
                    Math.round(100 * RANDOM_FRACTION) + "% random");
            case "class" -> new Setting(name, data.classIds(FORGET_CLASS), withoutClass(data.test(), FORGET_CLASS),
                    "all of class " + FORGET_CLASS);
            case "subject" -> subject(data, seed);
            default -> throw new UnlearnException("unknown gate setting '" + name + "'; choose among " + NAMES);
        };
    }

    private static Setting subject(UnlearnDataset data, long seed) {
        Random random = new Random(seed * 7919 + 1);
        int label = random.nextInt(data.numClasses());
        List<String> ids = new ArrayList<>(data.classIds(label));
        double scale = Math.min(1.0, ids.size() / (double) SUBJECT_CLASS_FULL);
        int low = (int) Math.round(SUBJECT_MIN * scale);
        int high = (int) Math.round(SUBJECT_MAX * scale);
        int size = low + random.nextInt(high - low + 1);
        Collections.shuffle(ids, random);
        List<String> chosen = ids.subList(0, size);
        List<String> inTrainingOrder = data.train().ids().stream().filter(new java.util.HashSet<>(chosen)::contains).toList();
        return new Setting("subject", inTrainingOrder, data.test(), "one subject, all of class " + label);
    }

    private static DataView withoutClass(DataView test, int label) {
        int[] rows = IntStream.range(0, test.size()).filter(i -> test.label(i) != label).map(test::row).toArray();
        return DataView.of(test.source(), rows);
    }
}
