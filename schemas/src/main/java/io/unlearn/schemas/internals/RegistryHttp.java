package io.unlearn.schemas.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.unlearn.schemas.SchemaRegistryConfig;
import io.unlearn.schemas.SchemaRegistryException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@link RestSchemaRegistryClient}: one JSON call to the registry with a timeout,
 * the auth header, and retries with exponential backoff for failures that may pass (no connection,
 * timeout, HTTP 5xx, 408, 429). Everything else fails at once with a mapped message.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);

    private final SchemaRegistryConfig config;
    private final HttpClient http;
    private final ObjectMapper json;

    RegistryHttp(SchemaRegistryConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        // HTTP/1.1: no h2c upgrade dance with registries behind plain HTTP.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends one call, retrying retriable failures.
     *
     * @param method "GET", "POST" or "PUT"
     * @param path   the path below the base URL, already encoded, starting with '/'
     * @param body   the JSON body, or null for none
     * @param what   what the call does, for error messages ("register a schema under subject 'x'")
     * @return the parsed JSON answer, {@link NullNode} when it was empty
     */
    JsonNode call(String method, String path, JsonNode body, String what) {
        long start = System.nanoTime();
        Duration backoff = config.retryBackoff();
        int attempts = 0;
        while (true) {
            attempts++;
            SchemaRegistryException failure;
            try {
                return once(method, path, body, what);
            } catch (SchemaRegistryException e) {
                if (!e.isRetriable()) {
                    throw e;
                }
                failure = e;
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (attempts > config.maxRetries()) {
                throw RegistryErrors.gaveUp(failure, attempts, elapsed);
            }
            log.warn("Schema registry call {} {} failed (attempt {} of {}), retrying in {} ms: {}",
                    method, path, attempts, config.maxRetries() + 1, backoff.toMillis(), failure.getMessage());
            sleep(backoff, what);
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(config.retryBackoffMax()) > 0 ? config.retryBackoffMax() : doubled;
        }
    }

    private JsonNode once(String method, String path, JsonNode body, String what) {
        URI uri = URI.create(config.url() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT);
        config.authorizationHeader().ifPresent(value -> request.header("Authorization", value));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE);
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw RegistryErrors.noResponse(config.url().toString(), what,
                    "no answer within " + describeTimeout(e), e);
        } catch (ConnectException e) {
            throw RegistryErrors.noResponse(config.url().toString(), what, "connection refused or unreachable", e);
        } catch (IOException e) {
            throw RegistryErrors.noResponse(config.url().toString(), what, "I/O error: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while waiting for the schema registry at " + config.url()
                    + " to " + what + "; the call was abandoned.", SchemaRegistryException.NO_RESPONSE,
                    SchemaRegistryException.NO_RESPONSE, false, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(response.body(), what);
        }
        return fail(status, response.body(), what);
    }

    private JsonNode fail(int status, String responseBody, String what) {
        int code = status;
        String said = responseBody;
        try {
            JsonNode error = json.readTree(responseBody == null ? "" : responseBody);
            if (error != null && error.has("error_code")) {
                code = error.get("error_code").asInt(status);
            }
            if (error != null && error.has("message")) {
                said = error.get("message").asText();
            }
        } catch (IOException notJson) {
            said = responseBody == null ? null : responseBody.substring(0, Math.min(200, responseBody.length()));
        }
        throw RegistryErrors.fromResponse(config.url().toString(), what, status, code, said, config.authKind());
    }

    private JsonNode parse(String responseBody, String what) {
        if (responseBody == null || responseBody.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(responseBody);
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema registry at " + config.url() + " answered to '" + what
                    + "' with a body that is not JSON: "
                    + responseBody.substring(0, Math.min(200, responseBody.length()))
                    + ". Is the URL the registry's Confluent-compatible API?",
                    200, 200, false, e);
        }
    }

    private String describeTimeout(HttpTimeoutException e) {
        return e.getMessage() != null && e.getMessage().contains("connect")
                ? "the connect timeout (" + config.connectTimeout().toMillis() + " ms)"
                : "the request timeout (" + config.requestTimeout().toMillis() + " ms)";
    }

    private void sleep(Duration backoff, String what) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while retrying to " + what + " at " + config.url()
                    + "; the call was abandoned.", SchemaRegistryException.NO_RESPONSE,
                    SchemaRegistryException.NO_RESPONSE, false, e);
        }
    }
}
