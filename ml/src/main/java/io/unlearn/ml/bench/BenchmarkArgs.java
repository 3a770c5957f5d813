package io.unlearn.ml.bench;

import io.unlearn.ml.UnlearnException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Parses {@link MethodsBenchmark#main}'s arguments into {@link BenchmarkOptions}. */
final class BenchmarkArgs {

    private static final String USAGE = "usage: MethodsBenchmark [--seeds N] [--quick] [--out FILE]"
            + " [--markdown FILE|none] [--data DIR] [--epochs N] [--methods a,b] [--set method.key=value]..."
            + " [--sweep method.key=v1,v2]... [--device cpu|gpu] [--cache DIR|none]";

    private BenchmarkArgs() {
    }

    static BenchmarkOptions parse(String[] args) {
        BenchmarkOptions.Builder b = BenchmarkOptions.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> b.optQuick(true);
                case "--seeds" -> b.optSeeds(integer(a, value(args, ++i)));
                case "--epochs" -> b.optBaseEpochs(integer(a, value(args, ++i)));
                case "--out" -> b.optOut(Path.of(value(args, ++i)));
                case "--markdown" -> {
                    String v = value(args, ++i);
                    b.optMarkdown(v.equals("none") ? null : Path.of(v));
                }
                case "--data" -> b.optDataDir(Path.of(value(args, ++i)));
                case "--methods" -> b.optMethods(Arrays.asList(value(args, ++i).split(",")));
                case "--device" -> b.optDevice(value(args, ++i));
                case "--set" -> {
                    String v = value(args, ++i);
                    int dot = v.indexOf('.');
                    int eq = v.indexOf('=');
                    if (dot < 1 || eq < dot) {
                        throw new UnlearnException("--set needs method.key=value, e.g. ft.lr=0.005; was '" + v + "'");
                    }
                    b.optOverride(v.substring(0, dot), v.substring(dot + 1, eq), number(v, v.substring(eq + 1)));
                }
                case "--sweep" -> {
                    String v = value(args, ++i);
                    int dot = v.indexOf('.');
                    int eq = v.indexOf('=');
                    if (dot < 1 || eq < dot) {
                        throw new UnlearnException("--sweep needs method.key=v1,v2,..., e.g. ft.lr=0.003,0.005; was '"
                                + v + "'");
                    }
                    List<Number> values = Arrays.stream(v.substring(eq + 1).split(",")).map(x -> (Number) number(v, x))
                            .toList();
                    b.optSweep(v.substring(0, dot), v.substring(dot + 1, eq), values);
                }
                case "--cache" -> {
                    String v = value(args, ++i);
                    b.optCache(v.equals("none") ? null : Path.of(v));
                }
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

    private static int integer(String option, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UnlearnException(option + " needs a whole number, was '" + v + "'", e);
        }
    }

    private static double number(String option, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UnlearnException(option + ": '" + v + "' is not a number", e);
        }
    }
}
