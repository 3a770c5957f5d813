package io.unlearn.demo;

/**
 * The cluster a demo runs against.
 *
 * @param bootstrapServers Kafka brokers
 * @param registryUrl the Confluent-compatible registry
 * @param restartBroker restarts the broker (chaos tests), or null when this cluster cannot
 */
public record DemoCluster(String bootstrapServers, String registryUrl, Runnable restartBroker) {
}
