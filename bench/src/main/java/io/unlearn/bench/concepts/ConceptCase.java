package io.unlearn.bench.concepts;

import io.unlearn.ml.suppression.Concept;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A benchmark case: one concept, or several removed at once (then the concept classes are their union).
 *
 * @param name e.g. {@code Sneaker}, {@code footwear} or {@code footwear+tops}
 * @param kind how the concept is defined, the {@code kind} of its rows: {@value #LABELS} for a set of output classes
 * @param parts the concepts removed together (one for a single concept)
 */
record ConceptCase(String name, String kind, List<Concept> parts) {

    /** The kind of a concept that is a set of output classes (every concept of {@link #fashionMnist}). */
    static final String LABELS = "labels";

    Set<Integer> classes() {
        Set<Integer> out = new TreeSet<>();
        parts.forEach(c -> out.addAll(c.labels()));
        return out;
    }

    List<String> labelNames(List<String> classNames) {
        return classes().stream().map(classNames::get).toList();
    }

    /** Every Fashion-MNIST class, footwear, tops, and footwear + tops at once. */
    static List<ConceptCase> fashionMnist(List<String> classNames) {
        List<ConceptCase> out = new java.util.ArrayList<>();
        for (String c : classNames) {
            out.add(new ConceptCase(c, LABELS, List.of(Concept.ofClasses(c, List.of(c), classNames))));
        }
        Concept footwear = Concept.ofClasses("footwear", List.of("Sandal", "Sneaker", "Ankle boot"), classNames);
        Concept tops = Concept.ofClasses("tops", List.of("T-shirt/top", "Pullover", "Coat", "Shirt"), classNames);
        out.add(new ConceptCase("footwear", LABELS, List.of(footwear)));
        out.add(new ConceptCase("tops", LABELS, List.of(tops)));
        out.add(new ConceptCase("footwear+tops", LABELS, List.of(footwear, tops)));
        return out;
    }
}
