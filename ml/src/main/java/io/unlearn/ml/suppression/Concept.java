package io.unlearn.ml.suppression;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A concept to remove: a set of class labels (abstract, e.g. footwear = Sandal, Sneaker, Ankle boot; or
 * concrete, e.g. Sneaker) or a set of example sample ids.
 *
 * @param name human-readable name, e.g. {@code footwear}
 * @param labels the concept's classes (empty when given by examples only)
 * @param sampleIds example sample ids (empty when given by labels)
 */
public record Concept(String name, Set<Integer> labels, Set<String> sampleIds) {

    /** Checks that the concept names something and copies the sets. */
    public Concept {
        if (name == null || name.isBlank()) {
            throw new UnlearnException("a concept needs a name, e.g. footwear");
        }
        labels = labels == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(labels));
        sampleIds = sampleIds == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(sampleIds));
        if (labels.isEmpty() && sampleIds.isEmpty()) {
            throw new UnlearnException("concept '" + name + "' has neither labels nor example ids; give one of them");
        }
    }

    /**
     * @param name the concept's name
     * @param classNames the classes making it up, e.g. Sandal, Sneaker, Ankle boot
     * @param allClassNames the dataset's class names in label order
     * @return the concept
     * @throws UnlearnException naming the dataset's classes when a class is unknown
     */
    public static Concept ofClasses(String name, List<String> classNames, List<String> allClassNames) {
        Set<Integer> labels = new TreeSet<>();
        for (String c : classNames) {
            int label = allClassNames.indexOf(c);
            if (label < 0) {
                throw new UnlearnException("unknown class '" + c + "' in concept '" + name + "'; the classes are "
                        + allClassNames);
            }
            labels.add(label);
        }
        return new Concept(name, labels, Set.of());
    }

    /**
     * @param name the concept's name
     * @param sampleIds example samples of the concept
     * @return the concept
     */
    public static Concept ofSamples(String name, Set<String> sampleIds) {
        return new Concept(name, Set.of(), sampleIds);
    }

    /**
     * @param view samples
     * @return per view position, whether the sample belongs to the concept (by label, or by id)
     */
    public boolean[] membership(DataView view) {
        boolean[] in = new boolean[view.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = labels.isEmpty() ? sampleIds.contains(view.id(i)) : labels.contains(view.label(i));
        }
        return in;
    }

    /**
     * @param view the samples the examples come from (for a concept given by ids)
     * @return the concept's classes: its labels, or the labels of its example samples found in the view
     */
    public Set<Integer> classes(DataView view) {
        if (!labels.isEmpty()) {
            return labels;
        }
        Set<Integer> out = new TreeSet<>();
        boolean[] in = membership(view);
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                out.add(view.label(i));
            }
        }
        return out;
    }

    /**
     * @param allClassNames the dataset's class names in label order
     * @return the names of {@link #labels()} (for a {@link SuppressionConfig})
     */
    public List<String> labelNames(List<String> allClassNames) {
        List<String> out = new ArrayList<>();
        labels.forEach(l -> out.add(allClassNames.get(l)));
        return out;
    }
}
