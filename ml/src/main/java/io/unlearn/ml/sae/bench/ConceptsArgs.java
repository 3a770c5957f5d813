package io.unlearn.ml.sae.bench;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.sae.SaeKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parses {@link ConceptsBenchmark#main}'s arguments into {@link ConceptsOptions}. */
public final class ConceptsArgs {

    /** The usage line. */
    public static final String USAGE = "usage: ConceptsBenchmark [--quick] [--out FILE] [--markdown FILE|none]"
            + " [--data DIR] [--seed N] [--device cpu|gpu] [--cache DIR|none] [--sae-store DIR|none]"
            + " [--layer penultimate|encoder.N] [--sae topk|relu_l1] [--expansion N] [--sae-epochs N] [--features 8,32] [--scales -0.5,-2]"
            + " [--clamps 0] [--ga-lrs 1e-5,1e-4] [--epsilon E] [--attack-steps N] [--attack-samples N]";

    private ConceptsArgs() {
    }

    /**
     * @param args the command-line arguments
     * @return the checked options
     * @throws io.unlearn.ml.UnlearnException naming the bad argument and the usage
     */
    public static ConceptsOptions parse(String[] args) {
        ConceptsOptions.Builder b = ConceptsOptions.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> b.optQuick(true);
                case "--out" -> b.optOut(Path.of(value(args, ++i)));
                case "--markdown" -> b.optMarkdown(pathOrNone(value(args, ++i)));
                case "--data" -> b.optDataDir(Path.of(value(args, ++i)));
                case "--seed" -> b.optSeed((long) number(a, value(args, ++i)));
                case "--device" -> b.optDevice(value(args, ++i));
                case "--cache" -> b.optCache(pathOrNone(value(args, ++i)));
                case "--sae-store" -> b.optSaeStore(pathOrNone(value(args, ++i)));
                case "--layer" -> b.optLayer(value(args, ++i));
                case "--sae" -> b.optSaeKind(kind(value(args, ++i)));
                case "--expansion" -> b.optExpansion((int) number(a, value(args, ++i)));
                case "--sae-epochs" -> b.optSaeEpochs((int) number(a, value(args, ++i)));
                case "--features" -> b.optFeatures(numbers(a, value(args, ++i)).stream().map(Double::intValue).toList());
                case "--scales" -> b.optScales(numbers(a, value(args, ++i)));
                case "--clamps" -> b.optClamps(numbers(a, value(args, ++i)));
                case "--ga-lrs" -> b.optGaLearningRates(numbers(a, value(args, ++i)));
                case "--epsilon" -> b.optEpsilon(number(a, value(args, ++i)));
                case "--attack-steps" -> b.optAttackSteps((int) number(a, value(args, ++i)));
                case "--attack-samples" -> b.optAttackSamples((int) number(a, value(args, ++i)));
                default -> throw new UnlearnException("unknown option '" + a + "'; " + USAGE);
            }
        }
        return b.build();
    }

    private static Path pathOrNone(String v) {
        return v.equals("none") ? null : Path.of(v);
    }

    private static SaeKind kind(String v) {
        try {
            return SaeKind.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnlearnException("--sae must be topk or relu_l1, was '" + v + "'", e);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new UnlearnException(args[i - 1] + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static List<Double> numbers(String option, String v) {
        return v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(x -> number(option, x.trim())).toList();
    }

    private static double number(String option, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UnlearnException(option + ": '" + v + "' is not a number; " + USAGE, e);
        }
    }
}
