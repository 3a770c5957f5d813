package io.unlearn.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;

/**
 * A tiny Confluent-API registry on 127.0.0.1 for unit tests: it answers from an in-memory registry,
 * records every request, and can be scripted to answer the next calls with canned statuses or delays.
 */
final class FakeRegistryServer implements AutoCloseable {

    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Canned(int status, String body, long delayMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SchemaRegistryClient backing = SchemaRegistryClient.inMemory();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Canned> script = new ConcurrentLinkedDeque<>();

    FakeRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Recorded> requests() {
        return requests;
    }

    /** The next call gets this status and body (after delayMillis) instead of a real answer. */
    FakeRegistryServer thenAnswer(int status, String body) {
        script.add(new Canned(status, body, 0));
        return this;
    }

    /** The next call waits this long, then is answered normally. */
    FakeRegistryServer thenDelay(long millis) {
        script.add(new Canned(0, null, millis));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Recorded(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        Canned canned = script.poll();
        try {
            if (canned != null && canned.delayMillis() > 0) {
                Thread.sleep(canned.delayMillis());
            }
            if (canned != null && canned.status() > 0) {
                respond(exchange, canned.status(), canned.body());
                return;
            }
            respond(exchange, 200, route(exchange.getRequestMethod(), path, body));
        } catch (SchemaRegistryException e) {
            int status = e.errorCode() > 999 ? e.errorCode() / 100 : e.errorCode();
            respond(exchange, status, JSON.createObjectNode().put("error_code", e.errorCode())
                    .put("message", e.getMessage()).toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout) and closed the connection
        }
    }

    private String route(String method, String path, String body) throws IOException {
        String[] parts = path.substring(1).split("/");
        ObjectNode answer = JSON.createObjectNode();
        if (method.equals("POST") && parts[0].equals("subjects") && parts.length == 3) {
            return answer.put("id", backing.register(decode(parts[1]), schemaOf(body))).toString();
        }
        if (method.equals("POST") && parts[0].equals("subjects") && parts.length == 2) {
            return answer.put("subject", decode(parts[1])).put("version", 1)
                    .put("id", backing.lookup(decode(parts[1]), schemaOf(body))).toString();
        }
        if (method.equals("GET") && parts[0].equals("schemas")) {
            return answer.put("schema", backing.schemaById(Integer.parseInt(parts[2])).toString()).toString();
        }
        if (method.equals("POST") && parts[0].equals("compatibility")) {
            return answer.put("is_compatible", backing.isCompatible(decode(parts[2]), schemaOf(body))).toString();
        }
        if (method.equals("GET") && parts[0].equals("config")) {
            return answer.put("compatibilityLevel", backing.compatibility().name()).toString();
        }
        if (method.equals("PUT") && parts[0].equals("config")) {
            CompatibilityLevel level = CompatibilityLevel.valueOf(JSON.readTree(body).get("compatibility").asText());
            if (parts.length == 2) {
                backing.setCompatibility(decode(parts[1]), level);
            } else {
                backing.setCompatibility(level);
            }
            return answer.put("compatibility", level.name()).toString();
        }
        throw new SchemaRegistryException("no route " + method + " " + path, 404, 404, false, null);
    }

    private static Schema schemaOf(String body) throws IOException {
        JsonNode json = JSON.readTree(body);
        return new Schema.Parser().parse(json.get("schema").asText());
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
