package io.unlearn.worker;

import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.unlearn.UnlearningMethods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.unlearn.runtime.ServiceConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The one configuration of unlearn-worker: every key typed, defaulted, validated and documented in
 * {@link #CONFIG_DEF}; {@link #of(Map)} fails fast naming every problem. The cluster, {@code kafka.*} pass-through
 * and group-member keys ({@code group.id}, {@code instance.id}, ...) are the runtime's ({@link ServiceConfig});
 * {@code method.}-prefixed keys override the unlearning method's hyperparameters, e.g. {@code method.epochs=1}.
 */
public final class WorkerConfig extends ServiceConfig {
    public static final String ARTIFACT_DIR = "artifact.dir";
    public static final String METHOD = "method";
    public static final String BATCH_MAX_REQUESTS = "batch.max.requests";
    public static final String BATCH_MAX_SAMPLES = "batch.max.samples";
    public static final String BATCH_MAX_WAIT_MS = "batch.max.wait.ms";
    public static final String MODEL_WAIT_MS = "model.wait.ms";
    public static final String SEED = "seed";
    public static final String CONSOLIDATE_EVERY = "consolidation.every.requests";
    public static final String CONSOLIDATE_EVERY_MS = "consolidation.every.ms";
    public static final String CONCEPT_SAE_KIND = "concept.sae.kind";
    public static final String CONCEPT_SAE_EXPANSION = "concept.sae.expansion";
    public static final String CONCEPT_SAE_EPOCHS = "concept.sae.epochs";
    public static final String CONCEPT_FEATURES = "concept.features";
    public static final String CONCEPT_SCALES = "concept.scales";
    public static final String CONCEPT_CLAMPS = "concept.clamps";
    public static final String CONCEPT_MAX_OTHER_DROP = "concept.max.other.drop";
    public static final String CONCEPT_TRY_WITHOUT_ERROR_TERM = "concept.try.without.error.term";
    public static final String ESCALATION_LADDER = "escalation.ladder";
    public static final String METHOD_PREFIX = "method.";
    /** The default {@code escalation.ladder}, weakest first. */
    public static final List<String> DEFAULT_ESCALATION_LADDER = List.of("rl", "eu-k", "retrain");

    public static final ConfigDef CONFIG_DEF = signingKeys(engineKeys(groupMemberKeys("worker",
                    "Consumer group: workers with the same id share the models (by partition of modelId)."), FashionMnist.DEFAULT_DIR.toString(),
                    io.unlearn.ml.data.Datasets.NAMES),
                    "every model version it publishes (`unlearn models train` too)", "<artifact.dir>/signing/worker.key")
            .define(ARTIFACT_DIR, Type.STRING, ".unlearn/artifacts", Importance.MEDIUM,
                    "Directory of the content-addressed artifact store (shared by all workers and the evaluator).")
            .define(METHOD, Type.STRING, "rl", ConfigDef.ValidString.in(UnlearningMethods.NAMES.toArray(new String[0])),
                    Importance.HIGH, "Unlearning method applied to each batch: " + UnlearningMethods.NAMES + "; rl by"
                    + " default: one epoch, closer to Retrain than ft in half ft's time (docs/BENCHMARKS.md).")
            .define(ESCALATION_LADDER, Type.LIST, String.join(",", DEFAULT_ESCALATION_LADDER), Importance.MEDIUM,
                    "Methods tried for a model after its version is REJECTED (or fails its worst-case challenge), weakest first, "
                            + "from " + UnlearningMethods.NAMES + ". The worker's ladder for a model is its method, then this "
                            + "list's methods after it (the whole list when the method is not on it). A rejected version's "
                            + "method is unreliable for the model: the rejected version, the unjudged or INCONCLUSIVE ones "
                            + "below it and those built on it are superseded by one version built on the last CERTIFIED "
                            + "version with the next method, and new batches use the first reliable one; when none is left "
                            + "the requests FAIL. method.* settings apply to the method key's method only; the others run at "
                            + "their defaults. Empty: no escalation (a rejected version's requests FAIL).")
            .define(BATCH_MAX_REQUESTS, Type.INT, 100, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "A model's batch is applied once it holds this many deletion requests.")
            .define(BATCH_MAX_SAMPLES, Type.INT, 20_000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "... or this many samples to forget.")
            .define(BATCH_MAX_WAIT_MS, Type.LONG, 20_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "... or its first request has waited this long, ms.")
            .define(MODEL_WAIT_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "How long a batch for a model with no version visible to the worker waits for the model's first version, "
                            + "ms, re-checked every 2 s after catching up with unlearn.models.versions; its requests show a "
                            + "repeated ACCEPTED saying they wait, then FAILED once this has passed (0 = fail at once).")
            .define(SEED, Type.LONG, 42L, Importance.LOW, "Base seed; each batch's seed derives from it and the batch.")
            .define(CONSOLIDATE_EVERY, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Retrain from scratch on the current retain set after this many applied requests (0 = never).")
            .define(CONSOLIDATE_EVERY_MS, Type.LONG, 0L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "... or once this long has passed since the model's last exact version (BASE or RETRAINED) and a request "
                            + "was applied since, ms (0 = never).")
            .define(CONCEPT_SAE_KIND, Type.STRING, "TOPK", ConfigDef.ValidString.in("TOPK", "RELU_L1"), Importance.LOW,
                    "Sparse autoencoder trained once per model version and layer for concept removal: TOPK (k=32, AuxK) or "
                            + "RELU_L1 (SAUCE's).")
            .define(CONCEPT_SAE_EXPANSION, Type.INT, 8, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "SAE dictionary size as a multiple of the layer width.")
            .define(CONCEPT_SAE_EPOCHS, Type.INT, 10, ConfigDef.Range.atLeast(1), Importance.LOW, "SAE training epochs.")
            .define(CONCEPT_FEATURES, Type.LIST, "8,32,128", Importance.LOW,
                    "Numbers of top-scored SAE features tried when calibrating a concept's suppression. Each suppressed "
                            + "feature costs 2 x layer width multiply-adds per sample at inference: 128 features on the CNN's "
                            + "128-wide penultimate layer add about 2%, 512 about 11%.")
            .define(CONCEPT_SCALES, Type.LIST, "-0.25,-0.5,-1.0,-2.0", Importance.LOW,
                    "Feature scales (gamma) tried in calibration; SAUCE's default is -0.5.")
            .define(CONCEPT_CLAMPS, Type.LIST, "0.0", Importance.LOW, "Clamp values tried in calibration (empty: none).")
            .define(CONCEPT_MAX_OTHER_DROP, Type.DOUBLE, 2.0, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Calibration keeps the strongest suppression that costs at most this many points of non-concept accuracy "
                            + "on the calibration half of the test split.")
            .define(CONCEPT_TRY_WITHOUT_ERROR_TERM, Type.BOOLEAN, false, Importance.LOW,
                    "Also try each setting with the SAE's reconstruction error dropped (the layer replaced by the edited "
                            + "reconstruction). That runs the whole SAE at every inference, about 20% extra on the CNN, so it is "
                            + "off by default.");

    private WorkerConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props, METHOD_PREFIX);
    }

    public static WorkerConfig of(Map<String, ?> props) {
        try {
            WorkerConfig config = new WorkerConfig(props);
            List<String> problems = new ArrayList<>();
            config.methodOverrides(problems);
            config.checkSigningKey(problems);
            config.getList(ESCALATION_LADDER).stream().filter(m -> !UnlearningMethods.NAMES.contains(m)).forEach(m ->
                    problems.add(ESCALATION_LADDER + " names '" + m + "', which is no unlearning method; choose from " + UnlearningMethods.NAMES));
            try {
                config.conceptSettings();
            } catch (NumberFormatException e) {
                problems.add("concept.features, concept.scales and concept.clamps must be comma-separated numbers ("
                        + e.getMessage() + ")");
            }
            if (!problems.isEmpty()) {
                throw new WorkerException("Invalid unlearn-worker configuration: " + String.join("; ", problems));
            }
            return config;
        } catch (ConfigException e) {
            throw new WorkerException("Invalid unlearn-worker configuration: " + e.getMessage()
                    + " (keys and defaults: WorkerConfig.CONFIG_DEF)", e);
        }
    }

    /** The worker's signing identity: {@code signing.key.file}, else the pair kept under {@code <artifactDir>/signing}. */
    public io.unlearn.runtime.EventSigner signer(java.nio.file.Path artifactDir) {
        return signer(artifactDir.resolve("signing"), "worker");
    }

    /** The model's escalation ladder: the configured method, then the {@code escalation.ladder} methods after it. */
    public io.unlearn.worker.internals.EscalationLadder escalationLadder() {
        return new io.unlearn.worker.internals.EscalationLadder(getString(METHOD), getList(ESCALATION_LADDER));
    }

    /** The methods a worker with {@code method} and {@code ladder} tries, weakest first (what {@link #escalationLadder} holds). */
    public static List<String> effectiveLadder(String method, List<String> ladder) {
        return new io.unlearn.worker.internals.EscalationLadder(method, ladder).methods();
    }

    /** The method's hyperparameter overrides from {@code method.*} keys. */
    public Map<String, Number> methodOverrides() {
        return methodOverrides(new ArrayList<>());
    }

    private Map<String, Number> methodOverrides(List<String> problems) {
        Map<String, Number> out = new HashMap<>();
        originalsWithPrefix(METHOD_PREFIX, true).forEach((k, v) -> {
            try {
                out.put(k, Double.parseDouble(v.toString()));
            } catch (NumberFormatException e) {
                problems.add(METHOD_PREFIX + k + "=" + v + " is not a number");
            }
        });
        return out;
    }

    /** The concept-removal settings from the {@code concept.*} keys. */
    public io.unlearn.worker.internals.ConceptSettings conceptSettings() {
        return new io.unlearn.worker.internals.ConceptSettings(io.unlearn.ml.sae.SaeKind.valueOf(getString(CONCEPT_SAE_KIND)),
                getInt(CONCEPT_SAE_EXPANSION), getInt(CONCEPT_SAE_EPOCHS),
                getList(CONCEPT_FEATURES).stream().map(Integer::valueOf).toList(),
                getList(CONCEPT_SCALES).stream().map(Double::valueOf).toList(),
                getList(CONCEPT_CLAMPS).stream().map(Double::valueOf).toList(), getDouble(CONCEPT_MAX_OTHER_DROP), getBoolean(CONCEPT_TRY_WITHOUT_ERROR_TERM),
                getLong(SEED));
    }
}
