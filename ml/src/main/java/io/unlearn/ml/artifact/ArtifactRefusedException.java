package io.unlearn.ml.artifact;

import io.unlearn.ml.UnlearnException;

/**
 * An artifact a version names cannot be trusted: its URI does not name its sha256, it is missing, or its bytes
 * hash to something else. Whoever reads versions (worker, evaluator, auditor) refuses the version.
 */
public final class ArtifactRefusedException extends UnlearnException {
    private static final long serialVersionUID = 1L;

    public ArtifactRefusedException(String message) {
        super(message);
    }

    public ArtifactRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
