package io.unlearn.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a request acceptable, beyond its schema: size limits, deadline sanity and the signing
 * policy (HMAC-SHA256 keys and Ed25519 public keys per requester). Immutable; {@link #ofDefaults()} or {@link #custom()}. Built from {@link IngestConfig} by the
 * service; tests build it directly.
 */
public final class IngestRules {
    public static final int DEFAULT_MAX_SAMPLES = 100_000;
    public static final int DEFAULT_MAX_LABELS = 64;
    public static final Duration DEFAULT_MAX_DEADLINE = Duration.ofDays(365);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    private final int maxSamples;
    private final int maxLabels;
    private final Duration maxDeadline;
    private final Duration clockSkew;
    private final Map<String, Map<String, byte[]>> signingKeys;
    private final Set<String> signatureRequired;
    private final Map<String, List<java.security.PublicKey>> publicKeys;

    private IngestRules(Builder b) {
        this.publicKeys = Map.copyOf(b.publicKeys);
        this.maxSamples = b.maxSamples;
        this.maxLabels = b.maxLabels;
        this.maxDeadline = b.maxDeadline;
        this.clockSkew = b.clockSkew;
        this.signingKeys = Map.copyOf(b.signingKeys);
        this.signatureRequired = Set.copyOf(b.signatureRequired);
    }

    public static IngestRules ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** Most samples one deletion request may name or resolve to, and most example samples one concept request may name. */
    public int maxSamples() { return maxSamples; }
    /** Most class labels one concept request may name (its example samples count against {@link #maxSamples}). */
    public int maxLabels() { return maxLabels; }
    /** Longest allowed span between a request's receivedAt and its deadline. */
    public Duration maxDeadline() { return maxDeadline; }
    /** How far in the future a receivedAt may lie (clocks differ). */
    public Duration clockSkew() { return clockSkew; }

    /** The HMAC-SHA256 key of {@code requester} named {@code keyId}, if configured. */
    public Optional<byte[]> signingKey(String requester, String keyId) {
        return Optional.ofNullable(signingKeys.getOrDefault(requester, Map.of()).get(keyId));
    }

    /**
     * The Ed25519 public keys of {@code requester} (empty when none is configured). A requester with a public key must
     * sign every request with Ed25519: an unsigned or HMAC-signed request of theirs is rejected.
     */
    public io.unlearn.schemas.TrustedKeys publicKeys(String requester) {
        List<java.security.PublicKey> keys = requester == null ? null : publicKeys.get(requester);
        return keys == null ? io.unlearn.schemas.TrustedKeys.none() : io.unlearn.schemas.TrustedKeys.of(keys);
    }

    /** Whether unsigned requests of {@code requester} are rejected (listed, or an Ed25519 public key is configured). */
    public boolean requiresSignature(String requester) {
        if (requester != null && publicKeys.containsKey(requester)) {
            return true;
        }
        return signatureRequired.contains(requester);
    }

    /** Builder: every setter optional; {@link #build()} names every bad value at once. */
    public static final class Builder {
        private int maxSamples = DEFAULT_MAX_SAMPLES;
        private int maxLabels = DEFAULT_MAX_LABELS;
        private Duration maxDeadline = DEFAULT_MAX_DEADLINE;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private final Map<String, Map<String, byte[]>> signingKeys = new java.util.HashMap<>();
        private final java.util.Set<String> signatureRequired = new java.util.HashSet<>();
        private final Map<String, List<java.security.PublicKey>> publicKeys = new java.util.HashMap<>();

        public Builder optMaxSamples(int max) { this.maxSamples = max; return this; }
        public Builder optMaxLabels(int max) { this.maxLabels = max; return this; }
        public Builder optMaxDeadline(Duration max) { this.maxDeadline = max; return this; }
        public Builder optClockSkew(Duration skew) { this.clockSkew = skew; return this; }

        /** Adds an HMAC-SHA256 key the requester signs with. */
        public Builder optSigningKey(String requester, String keyId, byte[] key) {
            signingKeys.computeIfAbsent(requester, r -> new java.util.HashMap<>()).put(keyId, key.clone());
            return this;
        }

        /** Adds an Ed25519 public key of the requester: from now on its requests must carry an Ed25519 signature. */
        public Builder optPublicKey(String requester, java.security.PublicKey key) {
            publicKeys.computeIfAbsent(requester, r -> new ArrayList<>()).add(key);
            return this;
        }

        /** Rejects unsigned requests from this requester. */
        public Builder optRequireSignature(String requester) {
            signatureRequired.add(requester);
            return this;
        }

        public IngestRules build() {
            List<String> problems = new ArrayList<>();
            if (maxSamples < 1) {
                problems.add("maxSamples " + maxSamples + " must be at least 1");
            }
            if (maxLabels < 1) {
                problems.add("maxLabels " + maxLabels + " must be at least 1");
            }
            if (maxDeadline == null || maxDeadline.isNegative() || maxDeadline.isZero()) {
                problems.add("maxDeadline " + maxDeadline + " must be positive, e.g. P365D");
            }
            if (clockSkew == null || clockSkew.isNegative()) {
                problems.add("clockSkew " + clockSkew + " must not be negative");
            }
            for (String requester : signatureRequired) {
                if (!signingKeys.containsKey(requester)) {
                    problems.add("requester '" + requester + "' must sign but has no signing key: add one to signing.keys");
                }
            }
            if (!problems.isEmpty()) {
                throw new IngestException("Invalid ingest rules: " + String.join("; ", problems));
            }
            return new IngestRules(this);
        }
    }
}
