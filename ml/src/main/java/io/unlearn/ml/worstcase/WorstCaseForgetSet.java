package io.unlearn.ml.worstcase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.unlearn.ml.UnlearnException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chosen forget set (a worst-case or easiest search, or another {@link ForgetSetKind} of {@link ChallengeSets}):
 * which samples, how strongly the choice preferred each, for which model and method, at what cost. Immutable;
 * {@link #toJson()} / {@link #fromJson(String)} round-trip it (JSON written before {@code kind} existed reads as
 * {@link ForgetSetKind#WORST}), and the constructor rejects a digest that does not match the ids, so a stored set
 * cannot be altered unnoticed.
 *
 * @param kind how the set was chosen (null reads as WORST: every set stored before kinds existed was a search)
 * @param mode the search direction, WORST (hardest to forget) or EASIEST; WORST for kinds other than a search
 * @param lowerLevel the lower level a search ran (see {@link WorstCaseSearch}), e.g. {@code rl}, or {@code ft} with a note
 *     when the method has none of its own; null for kinds that run no search
 * @param dataset the dataset name, e.g. {@code fmnist}
 * @param ids the selected training-sample ids, sorted, unique, non-empty
 * @param scores for each id (same order): for a search, its continuous weight wᵢ ∈ [0,1] after the last projection,
 *     before the final top-m binarisation (higher = preferred more strongly); for {@code lowest-loss} its loss under
 *     the model; for {@code gate-hardest} its membership score after the method ({@code GateHardest}); 1 for
 *     {@code random}
 * @param digest sha256 (hex) of the sorted ids joined by {@code \n}, see {@link #digestOf}
 * @param modelVersion the model the set was searched for (its parameter sha256 or a given version id)
 * @param method the unlearning method the set is meant to challenge, e.g. {@code ft}
 * @param poolSize the number of candidates the set was chosen from
 * @param seed the search's seed
 * @param settings the choice's settings by name (a search: outer_steps, inner_epochs, weight_lr, theta_lr, ...)
 * @param cost what the search cost
 */
public record WorstCaseForgetSet(ForgetSetKind kind, SearchMode mode, String lowerLevel, String dataset,
        List<String> ids, List<Double> scores, String digest, String modelVersion, String method, int poolSize,
        long seed, Map<String, Double> settings, SearchCost cost) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Checks the fields and copies the collections. */
    public WorstCaseForgetSet {
        kind = kind == null ? ForgetSetKind.WORST : kind;
        if (mode == null || ids == null || ids.isEmpty() || scores == null || scores.size() != ids.size()
                || cost == null) {
            throw new UnlearnException("a worst-case forget set needs a mode, a cost and at least one id with one"
                    + " score per id; was mode " + mode + ", " + (ids == null ? 0 : ids.size()) + " ids, "
                    + (scores == null ? 0 : scores.size()) + " scores");
        }
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i - 1).compareTo(ids.get(i)) >= 0) {
                throw new UnlearnException("forget-set ids must be sorted and unique, but " + ids.get(i - 1)
                        + " precedes " + ids.get(i) + "; build the set with WorstCaseForgetSet.of(..)");
            }
        }
        String expected = digestOf(ids);
        if (!expected.equals(digest)) {
            throw new UnlearnException("forget-set digest " + digest + " does not match its " + ids.size()
                    + " ids (expected " + expected + "): the set was altered or truncated; search it again");
        }
        ids = List.copyOf(ids);
        scores = List.copyOf(scores);
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /**
     * A search's set ({@link ForgetSetKind#WORST}) from ids in any order; see {@link #of(ForgetSetKind, SearchMode,
     * String, String, List, List, String, String, int, long, Map, SearchCost)}.
     *
     * @param mode WORST or EASIEST
     * @param dataset the dataset name
     * @param ids selected ids, any order, unique
     * @param scores one score per id, same order
     * @param modelVersion the model's version
     * @param method the method searched for
     * @param poolSize candidates
     * @param seed the seed
     * @param settings hyperparameters by name
     * @param cost the cost
     * @return the set
     */
    public static WorstCaseForgetSet of(SearchMode mode, String dataset, List<String> ids, List<Double> scores,
            String modelVersion, String method, int poolSize, long seed, Map<String, Double> settings,
            SearchCost cost) {
        return of(ForgetSetKind.WORST, mode, "ft", dataset, ids, scores, modelVersion, method, poolSize, seed,
                settings, cost);
    }

    /**
     * Builds a set from ids in any order, sorting ids and scores together and computing the digest.
     *
     * @param kind how the set was chosen
     * @param mode the search direction (WORST for kinds other than a search)
     * @param lowerLevel the search's lower level, or null when no search ran
     * @param dataset the dataset name
     * @param ids selected ids, any order, unique
     * @param scores one score per id, same order
     * @param modelVersion the model's version
     * @param method the method the set is meant for
     * @param poolSize candidates
     * @param seed the seed
     * @param settings settings by name
     * @param cost the cost
     * @return the set
     */
    public static WorstCaseForgetSet of(ForgetSetKind kind, SearchMode mode, String lowerLevel, String dataset,
            List<String> ids, List<Double> scores, String modelVersion, String method, int poolSize, long seed,
            Map<String, Double> settings, SearchCost cost) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> ids.get(a).compareTo(ids.get(b)));
        List<String> sortedIds = order.stream().map(ids::get).toList();
        List<Double> sortedScores = order.stream().map(i -> scores.get(i)).toList();
        return new WorstCaseForgetSet(kind, mode, lowerLevel, dataset, sortedIds, sortedScores, digestOf(sortedIds),
                modelVersion, method, poolSize, seed, settings, cost);
    }

    /** @return the number of selected samples (m) */
    public int size() {
        return ids.size();
    }

    /**
     * @param ids sample ids, any order (duplicates are kept)
     * @return sha256 (hex) of the ids sorted and joined by {@code \n}: equal sets have equal digests
     */
    public static String digestOf(Collection<String> ids) {
        String joined = String.join("\n", ids.stream().sorted().toList());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new UnlearnException("SHA-256 is not available in this JVM; use a standard Java 17 runtime", e);
        }
    }

    /** @return this set as JSON */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UnlearnException("cannot write the forget set as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param json a set written by {@link #toJson()}
     * @return the set, its digest checked
     * @throws UnlearnException when the JSON is malformed or the digest does not match
     */
    public static WorstCaseForgetSet fromJson(String json) {
        try {
            return JSON.readValue(json, WorstCaseForgetSet.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof UnlearnException u ? u : e;
            throw new UnlearnException("cannot read a worst-case forget set: " + cause.getMessage()
                    + "; pass JSON written by WorstCaseForgetSet.toJson()", e);
        }
    }
}
