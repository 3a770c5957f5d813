/**
 * Audit replay as a library: {@link io.unlearn.audit.Audit#replay} reads the event log of a cluster and returns an
 * {@link io.unlearn.audit.AuditResult}; {@link io.unlearn.audit.AuditReport} shows it as text, JSON or HTML.
 *
 * <p>Topics read (key: UTF-8 string; value: Avro in the Confluent wire format, schema from the registry), committed
 * records only, from the beginning to their end at the time of the call:
 * <ul>
 *   <li>{@code unlearn.models.versions}: modelId → ModelVersion</li>
 *   <li>{@code unlearn.requests.accepted}: modelId → AcceptedRequest</li>
 *   <li>{@code unlearn.requests.status}: requestId → RequestStatus</li>
 *   <li>{@code unlearn.catalog.forgotten}: modelId|sampleId → ForgottenSample</li>
 *   <li>{@code unlearn.eval.reports}: versionId → EvaluationReport</li>
 * </ul>
 * Nothing is written to the cluster and no consumer group is used. The reader and the checks live in
 * {@code io.unlearn.audit.internals}.
 */
package io.unlearn.audit;
