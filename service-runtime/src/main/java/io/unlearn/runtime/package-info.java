/**
 * What every service shares, so that each service holds only its own logic:
 * <ul>
 *   <li>{@link io.unlearn.runtime.ServiceConfig}: the common keys (cluster, {@code kafka.*} pass-through, registry,
 *       group member identity) and the Kafka client settings derived from them;</li>
 *   <li>{@link io.unlearn.runtime.LoopService} and {@link io.unlearn.runtime.ServiceLoop}: the lifecycle of a
 *       service that is one consumer loop on its own thread;</li>
 *   <li>{@link io.unlearn.runtime.Transactions}: consume-transform-produce transactions with the consumed offsets,
 *       and {@link io.unlearn.runtime.DeadLetters} for records that cannot be processed;</li>
 *   <li>{@link io.unlearn.runtime.TopicReader} / {@link io.unlearn.runtime.TopicTail}: whole-topic readers of the
 *       typed catalogue ({@link io.unlearn.schemas.Topics});</li>
 *   <li>{@link io.unlearn.runtime.OpsEndpoint}, {@link io.unlearn.runtime.OpsPage}, {@link io.unlearn.runtime.Health}:
 *       {@code /metrics} and {@code /healthz};</li>
 *   <li>{@link io.unlearn.runtime.ServiceException}: the root exception, retriable or fatal.</li>
 * </ul>
 * Depends on {@code schemas}, kafka-clients and Micrometer only: never on {@code ml}, a service or the launcher
 * (ArchitectureTest).
 */
package io.unlearn.runtime;
