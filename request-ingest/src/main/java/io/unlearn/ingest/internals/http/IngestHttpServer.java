package io.unlearn.ingest.internals.http;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.ingest.IngestException;
import io.unlearn.ingest.RequestPublisher;
import io.unlearn.ingest.StatusLookup;
import io.unlearn.runtime.Health;
import io.unlearn.runtime.OpsPage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of request-ingest, for systems that do not speak Kafka:
 * <pre>
 * POST /v1/deletion-requests   token   JSON DeletionRequest        → 202 {requestId, status, statusUrl} (200 if re-sent)
 * POST /v1/concept-removals    token   JSON ConceptRemovalRequest  → 202 likewise
 * GET  /v1/requests/{id}       token   current state and history   → 200, 307 to the owning instance, 404, 503
 * GET  /healthz                open    Kafka Streams state         → 200 UP when RUNNING, else 503 DOWN
 * GET  /metrics                open    Prometheus text format
 * </pre>
 * The two open pages are the runtime's ({@link OpsPage}), the same as the worker's and the evaluator's.
 * Every error is JSON {@code {"status", "error", "message"}}. The JDK's {@code com.sun.net.httpserver} is
 * enough here: a handful of small JSON endpoints, bound to loopback by default, behind a bounded pool of
 * {@value #THREADS} threads (a full queue closes the connection); a web framework would add weight and
 * no needed feature. The constructor binds the socket, so {@link #port()} is known before
 * {@link #start()}; {@link #close()} refuses new exchanges and lets running ones finish for up to
 * {@link #GRACE}.
 */
public final class IngestHttpServer implements AutoCloseable {
    public static final int THREADS = 8;
    public static final int QUEUE = 64;
    public static final Duration GRACE = Duration.ofSeconds(5);
    /** The Kafka Streams state in which the service is healthy. */
    public static final String HEALTHY = "RUNNING";
    private static final Logger log = LoggerFactory.getLogger(IngestHttpServer.class);

    private final HttpSettings settings;
    private final HttpServer server;
    private final int port;
    private final ThreadPoolExecutor workers;
    private final InFlight inFlight = new InFlight();

    /**
     * Binds {@code settings.host():settings.port()}.
     *
     * @param streamsState the Kafka Streams state name; "RUNNING" is healthy
     * @throws IngestException when the address cannot be bound
     */
    public IngestHttpServer(HttpSettings settings, RequestPublisher publisher, StatusLookup lookup,
                            Supplier<String> streamsState, PrometheusMeterRegistry meters, Clock clock) {
        this.settings = settings;
        try {
            this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (IOException e) {
            throw new IngestException("Cannot bind the HTTP API to " + settings.host() + ":" + settings.port() + " ("
                    + e.getMessage() + "): set http.port to a free port (0 picks one) or http.enabled=false", e);
        }
        this.port = server.getAddress().getPort();
        SubmitHandler submit = new SubmitHandler(publisher, lookup,
                new RequestBodies(clock, () -> UUID.randomUUID().toString()), settings.maxBodyBytes());
        StatusHandler status = new StatusHandler(lookup);
        server.createContext("/", new Router(settings.tokens(), meters, inFlight)
                .route("POST", "/v1/deletion-requests", true, submit::deletion)
                .route("POST", "/v1/concept-removals", true, submit::concept)
                .route("GET", StatusHandler.PATH + "{id}", true, status::get)
                .route("GET", OpsPage.HEALTH_PATH, false, call -> reply(OpsPage.health(health(streamsState.get()))))
                .route("GET", OpsPage.METRICS_PATH, false, call -> reply(OpsPage.metrics(meters))));
        this.workers = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                daemonThreads(), (task, pool) -> {
                    log.warn("HTTP API overloaded: {} exchanges queued; closing a new connection", QUEUE);
                    throw new RejectedExecutionException("HTTP API queue full");
                });
        server.setExecutor(workers);
    }

    /** Begins answering. */
    public void start() {
        server.start();
        log.info("HTTP API listening on http://{}:{} ({} tokens, body limit {} bytes)", host(), port(),
                settings.tokens().size(), settings.maxBodyBytes());
    }

    /** The bound address as given in the settings, e.g. 127.0.0.1. */
    public String host() {
        return settings.host();
    }

    /** The bound port: the configured one, or the one picked when 0 was configured. */
    public int port() {
        return port;
    }

    /** Refuses new exchanges (503), waits up to {@link #GRACE} for running ones, then stops the listener and threads. */
    @Override
    public void close() {
        try {
            if (!inFlight.drain(GRACE)) {
                log.warn("HTTP exchanges still running after {} s; stopping anyway", GRACE.toSeconds());
            }
            server.stop(0);
            workers.shutdown();
            if (!workers.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            workers.shutdownNow();
        }
        log.info("HTTP API on port {} stopped", port);
    }

    /** UP while Kafka Streams is RUNNING: {@code {"status":"UP","streams":"RUNNING"}}. */
    static Health health(String streamsState) {
        return new Health(HEALTHY.equals(streamsState), Map.of("streams", streamsState));
    }

    private static Reply reply(OpsPage page) {
        return new Reply(page.status(), page.contentType(), page.headers(), page.body());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "ingest-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
