package io.unlearn.ingest.internals.http;

import io.unlearn.ingest.IngestConfig;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the HTTP API.
 *
 * @param host          address to bind, e.g. 127.0.0.1 (the default: loopback only)
 * @param port          port to bind; 0 picks a free one ({@link IngestHttpServer#port()} tells which)
 * @param tokens        bearer token → requester name recorded on the requests sent with it
 * @param maxBodyBytes  largest accepted request body; larger ones get 413
 */
public record HttpSettings(String host, int port, Map<String, String> tokens, int maxBodyBytes) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port " + port + " is outside 0..65535");
        }
        if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " must be between 1 and " + (Integer.MAX_VALUE - 1));
        }
        tokens = Map.copyOf(tokens);
    }

    /** The {@code http.*} keys of {@code config}. */
    public static HttpSettings from(IngestConfig config) {
        return new HttpSettings(config.getString(IngestConfig.HTTP_HOST), config.getInt(IngestConfig.HTTP_PORT),
                config.httpTokens(), config.getInt(IngestConfig.HTTP_MAX_BODY));
    }

    /** Never shows the tokens, only who has one. */
    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", requesters=" + tokens.values().stream().sorted().toList()
                + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
