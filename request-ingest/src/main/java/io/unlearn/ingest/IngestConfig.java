package io.unlearn.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import io.unlearn.runtime.ServiceConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The one configuration of request-ingest: every key typed, defaulted, validated and documented in
 * {@link #CONFIG_DEF}. {@link #of(Map)} fails fast, naming every problem at once. The cluster keys and the
 * {@code kafka.} pass-through are the runtime's ({@link ServiceConfig}): keys prefixed {@code kafka.} go (prefix
 * removed) to every Kafka client of the service, e.g. {@code kafka.security.protocol=SASL_SSL}; registry credentials
 * use the registry client's own keys ({@code basic.auth.user.info}, {@code bearer.auth.token}).
 */
public final class IngestConfig extends ServiceConfig {
    public static final String APPLICATION_ID = "application.id";
    public static final String STATE_DIR = "state.dir";
    public static final String STREAM_THREADS = "num.stream.threads";
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    public static final String HTTP_ENABLED = "http.enabled";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";
    public static final String HTTP_TOKENS = "http.auth.tokens";
    public static final String HTTP_MAX_BODY = "http.max.body.bytes";
    public static final String MAX_SAMPLES = "request.max.samples";
    public static final String MAX_LABELS = "request.max.labels";
    public static final String MAX_DEADLINE_DAYS = "request.max.deadline.days";
    public static final String CLOCK_SKEW_MS = "request.clock.skew.ms";
    public static final String SIGNING_KEYS = "signing.keys";
    public static final String SIGNING_REQUIRED = "signing.required.requesters";
    public static final String SIGNING_PUBLIC_KEYS_DIR = "signing.public.keys.dir";

    public static final ConfigDef CONFIG_DEF = clusterKeys()
            .define(APPLICATION_ID, Type.STRING, "unlearn-request-ingest", Importance.MEDIUM,
                    "Kafka Streams application id: instances with the same id share the work.")
            .define(STATE_DIR, Type.STRING, ".unlearn/ingest-state", Importance.MEDIUM,
                    "Directory of the local state stores (de-duplication, status history, catalogue).")
            .define(STREAM_THREADS, Type.INT, 1, ConfigDef.Range.between(1, 64), Importance.LOW,
                    "Stream threads of this instance.")
            .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, ConfigDef.Range.between(10, 60_000), Importance.LOW,
                    "How often the exactly-once transaction commits, ms: longer raises throughput and latency.")
            .define(HTTP_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM, "Serve the HTTP API.")
            .define(HTTP_HOST, Type.STRING, "127.0.0.1", Importance.MEDIUM, "Address the HTTP API binds to.")
            .define(HTTP_PORT, Type.INT, 8088, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                    "HTTP API port; 0 picks a free one.")
            .define(HTTP_ADVERTISED_HOST, Type.STRING, "", Importance.LOW,
                    "Host name other instances use to reach this one's HTTP API (status lookups redirect there); "
                            + "empty = http.host. Set it when binding 0.0.0.0.")
            .define(HTTP_TOKENS, Type.PASSWORD, "", Importance.HIGH,
                    "Bearer tokens accepted by the HTTP API, as requester=token[,requester=token...]; the requester "
                            + "name is recorded on requests sent with that token. Required when the HTTP API is on.")
            .define(HTTP_MAX_BODY, Type.INT, 1 << 20, ConfigDef.Range.between(1024, 64 << 20), Importance.LOW,
                    "Largest accepted HTTP request body in bytes; larger bodies get 413.")
            .define(MAX_SAMPLES, Type.INT, IngestRules.DEFAULT_MAX_SAMPLES, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Most samples one deletion request may name or resolve to, and most example samples one concept request may name.")
            .define(MAX_LABELS, Type.INT, IngestRules.DEFAULT_MAX_LABELS, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Most class labels one concept request may name (its example samples count against request.max.samples).")
            .define(MAX_DEADLINE_DAYS, Type.INT, (int) IngestRules.DEFAULT_MAX_DEADLINE.toDays(), ConfigDef.Range.atLeast(1),
                    Importance.LOW, "Longest allowed span from receivedAt to deadline, days.")
            .define(CLOCK_SKEW_MS, Type.LONG, IngestRules.DEFAULT_CLOCK_SKEW.toMillis(), ConfigDef.Range.atLeast(0),
                    Importance.LOW, "How far in the future a request's receivedAt may lie, ms.")
            .define(SIGNING_KEYS, Type.PASSWORD, "", Importance.MEDIUM,
                    "HMAC-SHA256 request-signing keys as requester:keyId:base64key[,...].")
            .define(SIGNING_REQUIRED, Type.LIST, "", Importance.MEDIUM,
                    "Requesters whose unsigned requests are rejected.")
            .define(SIGNING_PUBLIC_KEYS_DIR, Type.STRING, "", Importance.MEDIUM,
                    "Directory of requesters' Ed25519 public keys (X.509 SubjectPublicKeyInfo, PEM or bare base64, e.g. from"
                            + " `unlearn keys generate`): <requester>.pem or <requester>.pub holds that requester's key, a"
                            + " subdirectory <requester>/ its keys (*.pem, *.pub). A requester with a key must sign every request"
                            + " with Ed25519; an unsigned, HMAC-signed or wrongly signed request is REJECTED and dead-lettered."
                            + " A file that is not such a key stops the service at start-up. Empty: no Ed25519 keys.");

    private IngestConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
    }

    /** Parses and checks {@code props}; throws one {@link IngestException} listing every problem. */
    public static IngestConfig of(Map<String, ?> props) {
        IngestConfig config;
        try {
            config = new IngestConfig(props);
        } catch (ConfigException e) {
            throw new IngestException("Invalid request-ingest configuration: " + e.getMessage()
                    + " (keys and defaults: IngestConfig.CONFIG_DEF)", e);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> tokens = config.parsePairs(HTTP_TOKENS, problems);
        if (config.getBoolean(HTTP_ENABLED) && tokens.isEmpty()) {
            problems.add(HTTP_TOKENS + " is empty but the HTTP API is on: give requester=token pairs or set "
                    + HTTP_ENABLED + "=false");
        }
        try {
            config.rules();
        } catch (IngestException | IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IngestException("Invalid request-ingest configuration: " + String.join("; ", problems));
        }
        return config;
    }

    /** The validation rules these settings describe. */
    public IngestRules rules() {
        IngestRules.Builder b = IngestRules.custom().optMaxSamples(getInt(MAX_SAMPLES)).optMaxLabels(getInt(MAX_LABELS))
                .optMaxDeadline(Duration.ofDays(getInt(MAX_DEADLINE_DAYS))).optClockSkew(Duration.ofMillis(getLong(CLOCK_SKEW_MS)));
        String keys = getPassword(SIGNING_KEYS).value();
        for (String entry : keys.isBlank() ? new String[0] : keys.split(",")) {
            String[] parts = entry.trim().split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IngestException(SIGNING_KEYS + " entry '" + parts[0] + ":…' must look like requester:keyId:base64key");
            }
            try {
                b.optSigningKey(parts[0], parts[1], Base64.getDecoder().decode(parts[2]));
            } catch (IllegalArgumentException e) {
                throw new IngestException(SIGNING_KEYS + " key '" + parts[1] + "' of '" + parts[0] + "' is not base64");
            }
        }
        getList(SIGNING_REQUIRED).stream().filter(s -> !s.isBlank()).forEach(b::optRequireSignature);
        String dir = getString(SIGNING_PUBLIC_KEYS_DIR);
        if (!dir.isBlank()) {
            try {
                RequesterKeys.load(java.nio.file.Path.of(dir)).forEach((requester, publicKeys) -> publicKeys.forEach(k -> b.optPublicKey(requester, k)));
            } catch (io.unlearn.schemas.ContractException e) {
                throw new IngestException(SIGNING_PUBLIC_KEYS_DIR + ": " + e.getMessage());
            }
        }
        return b.build();
    }

    /** The host advertised to the group for status lookups: {@link #HTTP_ADVERTISED_HOST}, else {@link #HTTP_HOST}. */
    public String advertisedHost() {
        String advertised = getString(HTTP_ADVERTISED_HOST);
        return advertised.isBlank() ? getString(HTTP_HOST) : advertised;
    }

    /** token → requester, from {@link #HTTP_TOKENS}. */
    public Map<String, String> httpTokens() {
        return parsePairs(HTTP_TOKENS, new ArrayList<>());
    }

    private Map<String, String> parsePairs(String key, List<String> problems) {
        Password value = getPassword(key);
        Map<String, String> byToken = new HashMap<>();
        for (String entry : value.value().isBlank() ? new String[0] : value.value().split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.trim().length() - 1) {
                problems.add(key + " entry must look like requester=token (got one without '=' or with an empty side)");
                continue;
            }
            byToken.put(entry.substring(eq + 1).trim(), entry.substring(0, eq).trim());
        }
        return byToken;
    }
}
