/**
 * Artifact resolution: a version event's artifact URI and sha256 → verified local files
 * ({@link io.unlearn.ml.artifact.ArtifactResolver}). Used by every reader of versions: the worker (its head),
 * the evaluator (the version it judges) and the auditor (re-hash only).
 */
package io.unlearn.ml.artifact;
