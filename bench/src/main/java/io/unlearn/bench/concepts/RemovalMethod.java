package io.unlearn.bench.concepts;

import java.util.function.Function;

/**
 * One way to remove a concept, by the name its rows carry ({@code sae}, {@code ga}, {@code mask}, {@code weights},
 * {@code retrain}).
 *
 * @param name the {@code method} of its rows
 * @param remove removes a concept from the benchmark's original model (the caller closes the result)
 */
record RemovalMethod(String name, Function<ConceptCase, Removal> remove) {
}
