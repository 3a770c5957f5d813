package io.unlearn.ml.unlearn;

import io.unlearn.ml.UnlearnException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Numeric hyperparameters of an unlearning method, by name (e.g. {@code lr}, {@code epochs}).
 * Immutable. A method publishes its defaults; callers override some of them with {@link #with(Map)},
 * which rejects names the method does not know, naming the ones it does.
 */
public final class Hyperparameters {

    private final String method;
    private final Map<String, Double> values;

    private Hyperparameters(String method, Map<String, Double> values) {
        this.method = method;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * @param method the method the values belong to (for messages)
     * @param values the defaults
     * @return the hyperparameters
     */
    public static Hyperparameters of(String method, Map<String, ? extends Number> values) {
        Map<String, Double> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, check(method, k, v)));
        return new Hyperparameters(method, copy);
    }

    /**
     * @param overrides values to replace; every key must be one of this method's
     * @return the merged hyperparameters
     * @throws UnlearnException naming unknown keys or non-finite values
     */
    public Hyperparameters with(Map<String, ? extends Number> overrides) {
        Map<String, Double> merged = new LinkedHashMap<>(values);
        overrides.forEach((k, v) -> {
            if (!values.containsKey(k)) {
                throw new UnlearnException("unknown hyperparameter '" + k + "' for method " + method
                        + "; it takes " + values.keySet());
            }
            merged.put(k, check(method, k, v));
        });
        return new Hyperparameters(method, merged);
    }

    private static double check(String method, String key, Number value) {
        if (value == null || !Double.isFinite(value.doubleValue())) {
            throw new UnlearnException("hyperparameter " + key + " of " + method + " must be a finite number, was "
                    + value);
        }
        return value.doubleValue();
    }

    /**
     * @param key a name
     * @return its value
     */
    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new UnlearnException("method " + method + " has no hyperparameter '" + key + "'");
        }
        return v;
    }

    /**
     * @param key a name
     * @return its value as a positive integer
     * @throws UnlearnException when it is not a positive whole number
     */
    public int positiveInt(String key) {
        double v = get(key);
        if (v < 1 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new UnlearnException("hyperparameter " + key + " of " + method + " must be a whole number >= 1,"
                    + " was " + v);
        }
        return (int) v;
    }

    /**
     * @param key a name
     * @return its value, checked to be positive
     */
    public double positive(String key) {
        double v = get(key);
        if (!(v > 0)) {
            throw new UnlearnException("hyperparameter " + key + " of " + method + " must be > 0, was " + v);
        }
        return v;
    }

    /**
     * @param key a name
     * @param lo lowest allowed
     * @param hi highest allowed
     * @return its value, checked to lie in {@code [lo, hi]}
     */
    public double inRange(String key, double lo, double hi) {
        double v = get(key);
        if (v < lo || v > hi) {
            throw new UnlearnException("hyperparameter " + key + " of " + method + " must lie in [" + lo + ", " + hi
                    + "], was " + v);
        }
        return v;
    }

    /** @return all values, sorted by name */
    public Map<String, Double> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return method + values;
    }
}
