package io.unlearn.worker.internals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The methods a worker tries for a model, weakest first: its configured method, then the {@code escalation.ladder}'s
 * methods after it (the whole ladder when the configured method is not on it). A method whose version of the model was
 * REJECTED is unreliable for that model; new batches use the first reliable method, and a rejected version's requests
 * are re-applied by the first reliable method after the one that was rejected. Pure.
 */
public final class EscalationLadder {
    private final List<String> methods;

    /**
     * @param configured the worker's {@code method}
     * @param ladder     {@code escalation.ladder}, weakest first (empty: no escalation, the configured method only)
     */
    public EscalationLadder(String configured, List<String> ladder) {
        List<String> out = new ArrayList<>(List.of(configured));
        int at = ladder.indexOf(configured);
        for (String m : at < 0 ? ladder : ladder.subList(at + 1, ladder.size())) {
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        this.methods = List.copyOf(out);
    }

    /** The effective ladder, weakest first. */
    public List<String> methods() {
        return methods;
    }

    /** The method for new batches: the first not {@code unreliable}; the top of the ladder when every one is. */
    public String current(Collection<String> unreliable) {
        return methods.stream().filter(m -> !unreliable.contains(m)).findFirst().orElse(methods.get(methods.size() - 1));
    }

    /**
     * The method that re-applies the requests of a version {@code rejected} rejected: the first reliable one above it on
     * the ladder (above nothing when it is not on the ladder); empty when none is left.
     */
    public Optional<String> after(String rejected, Collection<String> unreliable) {
        int at = methods.indexOf(rejected);
        return methods.subList(at + 1, methods.size()).stream().filter(m -> !unreliable.contains(m)).findFirst();
    }

    /** The ladder's top, named in the reason when nothing is left. */
    public String top() {
        return methods.get(methods.size() - 1);
    }
}
