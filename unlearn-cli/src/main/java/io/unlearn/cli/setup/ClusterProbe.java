package io.unlearn.cli.setup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;

/** Whether a cluster answers: the brokers ({@code describeCluster}) and the schema registry ({@code GET /subjects}). */
public final class ClusterProbe {
    private final Duration timeout;

    public ClusterProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** @param clientProps Kafka client settings holding {@code bootstrap.servers} (and any security settings) */
    public Check kafka(Map<String, Object> clientProps) {
        Map<String, Object> props = new HashMap<>(clientProps);
        int millis = (int) timeout.toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        String where = String.valueOf(props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(props)) {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis));
            String id = cluster.clusterId().get(millis + 1000L, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(millis + 1000L, TimeUnit.MILLISECONDS).size();
            return Check.ok("kafka", where + " answers: cluster " + id + ", " + brokers + " broker(s)");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return Check.missing("kafka", where + " does not answer within " + timeout.toSeconds() + " s ("
                    + cause.getClass().getSimpleName() + ")", "start it (`./unlearn stack up`) or check --bootstrap-servers");
        } catch (KafkaException e) {
            return Check.missing("kafka", "cannot ask " + where + ": " + e.getMessage(), "check --bootstrap-servers and --client-config");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.missing("kafka", "interrupted while asking " + where, "run doctor again");
        }
    }

    /** @param url the registry's Confluent-compatible base URL */
    public Check registry(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create(url + "/subjects")).timeout(timeout).GET().build();
            int status = http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Check.ok("registry", url + "/subjects answers")
                    : Check.missing("registry", url + "/subjects answers HTTP " + status, "check --registry-url and its auth");
        } catch (IOException | IllegalArgumentException e) {
            return Check.missing("registry", url + " does not answer (" + e.getClass().getSimpleName() + ")",
                    "start it (`./unlearn stack up`) or check --registry-url");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.missing("registry", "interrupted while asking " + url, "run doctor again");
        }
    }
}
