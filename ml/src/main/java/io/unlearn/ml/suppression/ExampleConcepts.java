package io.unlearn.ml.suppression;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.NamedDataset;
import io.unlearn.ml.data.StampedDataset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a concept given by example sample ids stands for, decided once for everyone who removes or judges one (the
 * worker, the evaluator):
 * <ul>
 *   <li>{@link Kind#PATTERN} when the dataset offers paired views for those examples: for a {@link StampedDataset},
 *   every example is one of its stamped training samples (ids ending in {@value StampedDataset#STAMPED_ID_SUFFIX}).
 *   The concept is the input pattern they share, not their label (they all carry the target label): it is removed and
 *   measured with {@link PatternConcept} and {@link PatternEffect} (the stamp's effect on stamped non-target images
 *   against their clean twins, collateral on clean images);</li>
 *   <li>{@link Kind#CLASSES} when no example carries a pattern: the examples stand for their classes, as a concept by
 *   labels does;</li>
 *   <li>neither (some examples carry the pattern and some do not, or they carry one the dataset cannot pair): refused
 *   with the reason, never removed as the wrong concept.</li>
 * </ul>
 */
public final class ExampleConcepts {

    /** The two things a concept by examples can stand for. */
    public enum Kind {
        /** The examples' classes. */
        CLASSES,
        /** The input pattern the examples carry. */
        PATTERN
    }

    private final NamedDataset data;

    private ExampleConcepts(NamedDataset data) {
        this.data = data;
    }

    /** @param data the dataset the examples come from (a service's {@code dataset.limit} slice) */
    public static ExampleConcepts of(NamedDataset data) {
        return new ExampleConcepts(data);
    }

    /**
     * @param name the concept's name (for the message)
     * @param exampleIds its example sample ids, not empty
     * @return what the examples stand for
     * @throws UnlearnException saying why, when they are neither a pattern nor classes
     */
    public Kind kindOf(String name, Collection<String> exampleIds) {
        if (exampleIds.isEmpty()) {
            throw new UnlearnException("concept '" + name + "' names no example sample ids; give examples or labels");
        }
        List<String> marked = exampleIds.stream().filter(StampedDataset::isStamped).sorted().toList();
        if (marked.isEmpty()) {
            return Kind.CLASSES;
        }
        Optional<StampedDataset> stamped = data.stamped();
        if (stamped.isEmpty()) {
            throw new UnlearnException("concept '" + name + "' names " + marked.size() + " example(s) carrying a pattern (e.g. "
                    + marked.get(0) + ") but dataset " + data.name() + " offers no paired views for them; run the services on "
                    + "the dataset they come from (dataset.name)");
        }
        List<String> clean = exampleIds.stream().filter(id -> !StampedDataset.isStamped(id)).sorted().toList();
        if (!clean.isEmpty()) {
            throw new UnlearnException("concept '" + name + "' mixes " + marked.size() + " stamped example(s) (e.g. " + marked.get(0)
                    + ") with " + clean.size() + " clean one(s) (e.g. " + clean.get(0) + "): examples are either the stamped "
                    + "samples of " + data.name() + " (the pattern is removed) or clean samples (their classes are removed); "
                    + "send one request for each");
        }
        Set<String> known = stamped.get().stampedTrainIds();
        List<String> unknown = marked.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnlearnException("concept '" + name + "' names " + unknown.size() + " stamped example(s) that are not training"
                    + " samples of " + data.name() + " in this slice (e.g. " + unknown.get(0) + "); dataset.limit must match the "
                    + "catalogue the request was validated against");
        }
        return Kind.PATTERN;
    }

    /**
     * @param name the concept's name
     * @param exampleIds stamped training samples ({@link #kindOf} said {@link Kind#PATTERN})
     * @return the pattern concept they define
     * @throws UnlearnException when they are not a pattern of this dataset
     */
    public PatternConcept pattern(String name, Collection<String> exampleIds) {
        if (kindOf(name, exampleIds) != Kind.PATTERN) {
            throw new UnlearnException("concept '" + name + "' names no stamped samples, so it is no pattern of " + data.name());
        }
        return PatternConcept.of(data.stamped().orElseThrow(), name, exampleIds);
    }
}
