package io.unlearn.ml.worstcase.bench;

import io.unlearn.ml.UnlearnException;
import java.nio.file.Path;
import java.util.Arrays;

/** Parses {@link WorstCaseBenchmark#main}'s arguments into {@link WorstCaseBenchmarkOptions}. */
public final class WorstCaseArgs {

    /** The usage line. */
    public static final String USAGE = "usage: WorstCaseBenchmark [--quick] [--out FILE.json] [--markdown FILE|none]"
            + " [--data DIR] [--seed N] [--ratios 0.01,0.1] [--pool N] [--device cpu|gpu] [--cache DIR|none]"
            + " [--methods a,b] [--epochs N] [--outer N] [--inner N]";

    private WorstCaseArgs() {
    }

    /**
     * @param args command-line arguments
     * @return the checked options
     * @throws UnlearnException naming the bad option and the usage
     */
    public static WorstCaseBenchmarkOptions parse(String[] args) {
        WorstCaseBenchmarkOptions.Builder b = WorstCaseBenchmarkOptions.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> b.optQuick(true);
                case "--out" -> b.optOut(Path.of(value(args, ++i)));
                case "--markdown" -> {
                    String v = value(args, ++i);
                    b.optMarkdown(v.equals("none") ? null : Path.of(v));
                }
                case "--data" -> b.optDataDir(Path.of(value(args, ++i)));
                case "--seed" -> b.optSeed((long) number(a, value(args, ++i)));
                case "--ratios" -> b.optRatios(Arrays.stream(value(args, ++i).split(",")).map(x -> number(a, x)).toList());
                case "--pool" -> b.optPoolSize((int) number(a, value(args, ++i)));
                case "--device" -> b.optDevice(value(args, ++i));
                case "--cache" -> {
                    String v = value(args, ++i);
                    b.optCache(v.equals("none") ? null : Path.of(v));
                }
                case "--methods" -> b.optMethods(Arrays.asList(value(args, ++i).split(",")));
                case "--epochs" -> b.optBaseEpochs((int) number(a, value(args, ++i)));
                case "--outer" -> b.optOuterSteps((int) number(a, value(args, ++i)));
                case "--inner" -> b.optInnerEpochs((int) number(a, value(args, ++i)));
                default -> throw new UnlearnException("unknown option '" + a + "'; " + USAGE);
            }
        }
        return b.build();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new UnlearnException(args[i - 1] + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static double number(String option, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UnlearnException(option + ": '" + v + "' is not a number; " + USAGE, e);
        }
    }
}
