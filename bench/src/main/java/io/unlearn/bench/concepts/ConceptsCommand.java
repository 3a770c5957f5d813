package io.unlearn.bench.concepts;

import io.unlearn.bench.BenchRuns;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code unlearn bench concepts}: see {@link ConceptsBenchmark}. */
@Command(name = "concepts", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Concept removal with sparse autoencoders against gradient ascent, on the Fashion-MNIST CNN.",
            "Trains (or reuses) a TopK and a ReLU + L1 SAE on one layer, then for every class, footwear, tops, and"
                    + " footwear + tops at once removes the concept by suppressing SAE features (strength calibrated on"
                    + " the first half of the test set) and by gradient ascent (learning rate calibrated the same way);"
                    + " reports on the second half concept and non-concept accuracy before and after, concept accuracy"
                    + " under a PGD attack, and the inference overhead."})
public final class ConceptsCommand implements Callable<Integer> {

    @Mixin
    private ConceptsOptions options = new ConceptsOptions();

    @Override
    public Integer call() {
        return BenchRuns.engine(() -> ConceptsBenchmark.run(options, System.out::println), ConceptsReport.INSTANCE,
                options.output());
    }
}
