package io.unlearn.ml.artifact;

/**
 * What re-hashing an artifact found.
 *
 * @param outcome VERIFIED, NOT_LOCAL (another URI scheme: cannot be checked here) or REFUSED
 * @param message why, for NOT_LOCAL and REFUSED; empty for VERIFIED
 */
public record ArtifactVerification(Outcome outcome, String message) {

    /** The three answers a re-hash can give. */
    public enum Outcome { VERIFIED, NOT_LOCAL, REFUSED }

    static ArtifactVerification verified() {
        return new ArtifactVerification(Outcome.VERIFIED, "");
    }

    static ArtifactVerification notLocal(String why) {
        return new ArtifactVerification(Outcome.NOT_LOCAL, why);
    }

    static ArtifactVerification refused(String why) {
        return new ArtifactVerification(Outcome.REFUSED, why);
    }
}
