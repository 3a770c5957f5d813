package io.unlearn.schemas;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach a schema registry speaking the Confluent REST API: its URL, timeouts, retries and
 * credentials. Immutable; build it with {@link #builder()} ({@code set*} for required values,
 * {@code opt*} for optional ones), {@link #ofDefaults(String)} or, from Kafka-style client properties
 * using Confluent's key names, {@link #fromProperties(Map)}.
 *
 * <p>Every HTTP call is bounded by {@link #requestTimeout()}; a call that fails for a retriable reason
 * (no connection, timeout, HTTP 5xx, 408, 429) is tried {@link #maxRetries()} more times with exponential
 * backoff from {@link #retryBackoff()} up to {@link #retryBackoffMax()}.
 */
public final class SchemaRegistryConfig {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
    public static final String BEARER_AUTH_TOKEN_CONFIG = "bearer.auth.token";
    public static final String CONNECT_TIMEOUT_MS_CONFIG = "schema.registry.connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    public static final String MAX_RETRIES_CONFIG = "schema.registry.max.retries";
    public static final String RETRY_BACKOFF_MS_CONFIG = "schema.registry.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "schema.registry.retry.backoff.max.ms";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);
    public static final Duration DEFAULT_RETRY_BACKOFF_MAX = Duration.ofSeconds(2);

    /** The property keys {@link #fromProperties(Map)} reads, each with its type, default and doc. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Base URL of the schema registry's Confluent-compatible API, e.g. "
                            + "http://127.0.0.1:8081 or http://host:8080/apis/ccompat/v7 for Apicurio. "
                            + "user:password@ in the URL is used as basic auth.")
            .define(BASIC_AUTH_USER_INFO_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                    "Basic auth credentials as user:password; leave unset for none.")
            .define(BEARER_AUTH_TOKEN_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                    "A static bearer token sent as 'Authorization: Bearer <token>'; leave unset for none.")
            .define(CONNECT_TIMEOUT_MS_CONFIG, Type.LONG, DEFAULT_CONNECT_TIMEOUT.toMillis(),
                    ConfigDef.Range.atLeast(1), Importance.LOW, "Time to wait for a TCP connection, ms.")
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.LONG, DEFAULT_REQUEST_TIMEOUT.toMillis(),
                    ConfigDef.Range.atLeast(1), Importance.LOW, "Time to wait for one HTTP answer, ms.")
            .define(MAX_RETRIES_CONFIG, Type.INT, DEFAULT_MAX_RETRIES, ConfigDef.Range.atLeast(0),
                    Importance.LOW, "Extra attempts after a retriable failure (no connection, timeout, 5xx, 408, 429).")
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, DEFAULT_RETRY_BACKOFF.toMillis(),
                    ConfigDef.Range.atLeast(0), Importance.LOW, "Wait before the first retry, ms; doubled each retry.")
            .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, DEFAULT_RETRY_BACKOFF_MAX.toMillis(),
                    ConfigDef.Range.atLeast(0), Importance.LOW, "Upper bound of the wait between retries, ms.");

    private final URI url;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration retryBackoffMax;
    private final String basicUserInfo;
    private final Supplier<String> bearerToken;

    private SchemaRegistryConfig(Builder b, URI url, String basicUserInfo) {
        this.url = url;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxRetries = b.maxRetries;
        this.retryBackoff = b.retryBackoff;
        this.retryBackoffMax = b.retryBackoffMax;
        this.basicUserInfo = basicUserInfo;
        this.bearerToken = b.bearerToken;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults for everything but the URL. */
    public static SchemaRegistryConfig ofDefaults(String url) {
        return builder().setUrl(url).build();
    }

    /**
     * Reads the keys of {@link #CONFIG_DEF} from client properties (other keys are ignored), so a
     * producer's or consumer's configuration map can be passed as it is.
     *
     * @throws ContractException naming every missing or invalid key
     */
    public static SchemaRegistryConfig fromProperties(Map<String, ?> props) {
        AbstractConfig parsed;
        try {
            parsed = new AbstractConfig(CONFIG_DEF, props, false);
        } catch (org.apache.kafka.common.config.ConfigException e) {
            throw new ContractException("Invalid schema registry settings: " + e.getMessage()
                    + ". Set " + URL_CONFIG + " (and optionally the other schema.registry.* keys) in the client properties.", e);
        }
        Builder b = builder()
                .setUrl(parsed.getString(URL_CONFIG))
                .optConnectTimeout(Duration.ofMillis(parsed.getLong(CONNECT_TIMEOUT_MS_CONFIG)))
                .optRequestTimeout(Duration.ofMillis(parsed.getLong(REQUEST_TIMEOUT_MS_CONFIG)))
                .optMaxRetries(parsed.getInt(MAX_RETRIES_CONFIG))
                .optRetryBackoff(Duration.ofMillis(parsed.getLong(RETRY_BACKOFF_MS_CONFIG)),
                        Duration.ofMillis(parsed.getLong(RETRY_BACKOFF_MAX_MS_CONFIG)));
        Password userInfo = parsed.getPassword(BASIC_AUTH_USER_INFO_CONFIG);
        if (userInfo != null) {
            b.optBasicAuth(userInfo.value());
        }
        Password token = parsed.getPassword(BEARER_AUTH_TOKEN_CONFIG);
        if (token != null) {
            b.optBearerToken(token.value());
        }
        return b.build();
    }

    /** The registry's base URL, without credentials and without a trailing slash. */
    public URI url() {
        return url;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public Duration retryBackoffMax() {
        return retryBackoffMax;
    }

    /** The value of the {@code Authorization} header to send, if any; a bearer supplier is asked on every call. */
    public Optional<String> authorizationHeader() {
        if (basicUserInfo != null) {
            return Optional.of("Basic " + Base64.getEncoder()
                    .encodeToString(basicUserInfo.getBytes(StandardCharsets.UTF_8)));
        }
        if (bearerToken != null) {
            return Optional.of("Bearer " + bearerToken.get());
        }
        return Optional.empty();
    }

    /** The kind of credentials configured, for messages: none, basic or bearer. */
    public String authKind() {
        return basicUserInfo != null ? "basic" : bearerToken != null ? "bearer" : "none";
    }

    @Override
    public String toString() {
        return "SchemaRegistryConfig{url=" + url + ", auth=" + authKind() + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries
                + ", retryBackoff=" + retryBackoff + ".." + retryBackoffMax + "}";
    }

    /** Builds a {@link SchemaRegistryConfig}; {@link #build()} checks every value and reports all problems at once. */
    public static final class Builder {
        private String url;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration retryBackoffMax = DEFAULT_RETRY_BACKOFF_MAX;
        private String basicUserInfo;
        private Supplier<String> bearerToken;

        private Builder() {
        }

        /** Required: the base URL of the Confluent-compatible API. */
        public Builder setUrl(String url) {
            this.url = url;
            return this;
        }

        public Builder optConnectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder optRequestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder optMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder optRetryBackoff(Duration initial, Duration max) {
            this.retryBackoff = initial;
            this.retryBackoffMax = max;
            return this;
        }

        /** Basic auth as {@code user:password}. */
        public Builder optBasicAuth(String userInfo) {
            this.basicUserInfo = userInfo;
            return this;
        }

        public Builder optBasicAuth(String user, String password) {
            return optBasicAuth(user + ":" + password);
        }

        public Builder optBearerToken(String token) {
            Objects.requireNonNull(token, "token");
            this.bearerToken = () -> token;
            return this;
        }

        /** A bearer token asked for on every call, for tokens that expire and are refreshed elsewhere. */
        public Builder optBearerToken(Supplier<String> token) {
            this.bearerToken = Objects.requireNonNull(token, "token");
            return this;
        }

        public SchemaRegistryConfig build() {
            List<String> problems = new ArrayList<>();
            URI parsed = parseUrl(problems);
            String userInfo = basicUserInfo;
            if (parsed != null && parsed.getRawUserInfo() != null) {
                userInfo = userInfo != null ? userInfo
                        : URLDecoder.decode(parsed.getRawUserInfo(), StandardCharsets.UTF_8);
                parsed = URI.create(parsed.getScheme() + "://" + parsed.getRawAuthority()
                        .substring(parsed.getRawAuthority().indexOf('@') + 1) + nullToEmpty(parsed.getRawPath()));
            }
            positive(problems, "connect timeout", connectTimeout);
            positive(problems, "request timeout", requestTimeout);
            if (maxRetries < 0) {
                problems.add("max retries is " + maxRetries + ", must be 0 or more");
            }
            if (retryBackoff == null || retryBackoff.isNegative() || retryBackoffMax == null
                    || retryBackoffMax.compareTo(retryBackoff) < 0) {
                problems.add("retry backoff " + retryBackoff + ".." + retryBackoffMax
                        + " must be 0 or more with max >= initial");
            }
            if (userInfo != null && !userInfo.contains(":")) {
                problems.add("basic auth must be user:password, got a value without ':'");
            }
            if (userInfo != null && bearerToken != null) {
                problems.add("both basic and bearer auth are set; choose one");
            }
            if (!problems.isEmpty()) {
                throw new ContractException("Invalid schema registry config: " + String.join("; ", problems) + ".");
            }
            return new SchemaRegistryConfig(this, parsed, userInfo);
        }

        private URI parseUrl(List<String> problems) {
            if (url == null || url.isBlank()) {
                problems.add("url is missing: set it to the registry's Confluent-compatible API, e.g. http://127.0.0.1:8081");
                return null;
            }
            String trimmed = url.trim();
            if (trimmed.contains(",")) {
                problems.add("url '" + trimmed + "' lists several registries; this client takes one URL");
                return null;
            }
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            try {
                URI uri = URI.create(trimmed);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("url '" + url + "' is not an absolute http(s) URL");
                    return null;
                }
                return uri;
            } catch (IllegalArgumentException e) {
                problems.add("url '" + url + "' is not a valid URL (" + e.getMessage() + ")");
                return null;
            }
        }

        private static void positive(List<String> problems, String what, Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                problems.add(what + " is " + d + ", must be positive");
            }
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }
    }
}
