package io.unlearn.ingest.internals.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler of the server: finds the route (404, 405), authenticates the bearer token where the route
 * asks for it (401), calls the route's handler, turns every {@link HttpProblem} into its JSON error body and
 * times each exchange as {@code unlearn.ingest.http.requests{route, method, status}}.
 */
final class Router implements HttpHandler {
    static final String TIMER = "unlearn.ingest.http.requests";
    private static final Logger log = LoggerFactory.getLogger(Router.class);
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** One exchange as a handler sees it: the requester bound to the token (null on open routes) and the {id}. */
    record Call(HttpExchange exchange, String requester, String pathParam) {
    }

    interface Handler {
        Reply handle(Call call);
    }

    private record Route(String method, String path, boolean withParam, boolean authenticated, Handler handler) {
        String template() {
            return withParam ? path + "{id}" : path;
        }

        /** The decoded {id} segment, "" for routes without one, or null when the path does not match. */
        String match(String rawPath) {
            if (!withParam) {
                return rawPath.equals(path) ? "" : null;
            }
            String rest = rawPath.startsWith(path) ? rawPath.substring(path.length()) : "";
            if (rest.isEmpty() || rest.contains("/")) {
                return null;
            }
            try {
                return URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null; // malformed escapes: the JDK server answers 400 before this; kept as a guard
            }
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final Map<String, String> tokens;
    private final MeterRegistry meters;
    private final InFlight inFlight;

    Router(Map<String, String> tokens, MeterRegistry meters, InFlight inFlight) {
        this.tokens = tokens;
        this.meters = meters;
        this.inFlight = inFlight;
    }

    /** Adds a route; a {@code path} ending in {@code {id}} matches one more, percent-decoded, path segment. */
    Router route(String method, String path, boolean authenticated, Handler handler) {
        boolean withParam = path.endsWith("{id}");
        routes.add(new Route(method, withParam ? path.substring(0, path.length() - 4) : path, withParam, authenticated, handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) {
        boolean admitted = inFlight.enter();
        try {
            serve(exchange, admitted);
        } finally {
            if (admitted) {
                inFlight.leave();
            }
        }
    }

    private void serve(HttpExchange exchange, boolean admitted) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        List<Route> onPath = routes.stream().filter(r -> r.match(rawPath) != null).toList();
        Route route = onPath.stream().filter(r -> r.method().equals(method)).findFirst().orElse(null);
        Reply reply;
        try {
            if (!admitted) {
                throw HttpProblem.unavailable("The server is shutting down: retry shortly or against another instance", 5);
            }
            reply = answer(exchange, rawPath, onPath, route);
        } catch (HttpProblem problem) {
            reply = problem.toReply();
        } catch (RuntimeException e) {
            log.error("{} {} failed", method, route == null ? rawPath : route.template(), e);
            reply = HttpProblem.internal("The server failed to answer (" + e.getClass().getSimpleName()
                    + "); the cause is in its log: retry, and report it if it persists").toReply();
        }
        send(exchange, reply);
        String template = route != null ? route.template() : onPath.isEmpty() ? "unmatched" : onPath.get(0).template();
        Timer.builder(TIMER).description("HTTP requests to the ingest API by route, method and status")
                .tags("route", template, "method", METHODS.contains(method) ? method : "OTHER", "status", Integer.toString(reply.status()))
                .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        log.debug("{} {} -> {}", method, rawPath, reply.status());
    }

    private Reply answer(HttpExchange exchange, String rawPath, List<Route> onPath, Route route) {
        if (onPath.isEmpty()) {
            throw HttpProblem.notFound("Nothing is served at " + rawPath + ": the API has "
                    + routes.stream().map(r -> r.method() + " " + r.template()).collect(Collectors.joining(", ")));
        }
        if (route == null) {
            throw HttpProblem.methodNotAllowed(exchange.getRequestMethod(), rawPath,
                    onPath.stream().map(Route::method).collect(Collectors.joining(", ")));
        }
        String requester = route.authenticated() ? authenticate(exchange) : null;
        return route.handler().handle(new Call(exchange, requester, route.match(rawPath)));
    }

    /** The requester whose token the request carries; the token is compared in constant time and never logged. */
    private String authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw HttpProblem.unauthorized("No bearer token: send 'Authorization: Bearer <token>' with a token"
                    + " the operator issued (http.auth.tokens)");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        String requester = null;
        for (Map.Entry<String, String> entry : tokens.entrySet()) {
            if (MessageDigest.isEqual(entry.getKey().getBytes(StandardCharsets.UTF_8), given)) {
                requester = entry.getValue();
            }
        }
        if (requester == null) {
            throw HttpProblem.unauthorized("The bearer token is not known: check it, or ask the operator for one"
                    + " listed in http.auth.tokens");
        }
        return requester;
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException e) {
            log.debug("Could not send the {} reply (the client went away?): {}", reply.status(), e.getMessage());
        } finally {
            exchange.close();
        }
    }
}
