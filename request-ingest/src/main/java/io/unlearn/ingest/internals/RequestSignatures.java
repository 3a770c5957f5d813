package io.unlearn.ingest.internals;

import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 request signatures. The signed text is canonical and language-neutral, one field per
 * line, sample ids and labels sorted and comma-joined, absent values empty, times in epoch millis:
 * <pre>
 * deletion            concept
 * requestId           requestId
 * requester           requester
 * modelId             modelId
 * subjectId           conceptName
 * sampleIds           conceptLabels
 * legalBasis          exampleSampleIds
 * receivedAt          receivedAt
 * deadline            deadline
 * </pre>
 * A requester computes {@code HMAC-SHA256(key, text)} and sends it as {@code Signature(algorithm =
 * "HmacSHA256", keyId, value)}, or — public-key signing, so that ingest holds nothing that can sign — Ed25519 over the
 * UTF-8 bytes of the same text as {@code Signature(algorithm = "Ed25519", keyId = SigningKeys.keyId(its public key),
 * value)} ({@link #signEd25519}). The JDK's {@link Mac} and {@code java.security.Signature} do the cryptography.
 */
public final class RequestSignatures {
    public static final String ALGORITHM = "HmacSHA256";

    private RequestSignatures() {
    }

    public static String canonical(DeletionRequest r) {
        return String.join("\n", r.getRequestId(), r.getRequester(), r.getModelId(), nullToEmpty(r.getSubjectId()),
                sortedJoin(r.getSampleIds()), r.getLegalBasis().name(),
                Long.toString(r.getReceivedAt().toEpochMilli()), Long.toString(r.getDeadline().toEpochMilli()));
    }

    public static String canonical(ConceptRemovalRequest r) {
        return String.join("\n", r.getRequestId(), r.getRequester(), r.getModelId(), r.getConceptName(),
                sortedJoin(r.getConceptLabels()), sortedJoin(r.getExampleSampleIds()),
                Long.toString(r.getReceivedAt().toEpochMilli()), Long.toString(r.getDeadline().toEpochMilli()));
    }

    public static byte[] sign(byte[] key, String canonicalText) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(canonicalText.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM: " + e.getMessage(), e);
        }
    }

    /** Constant-time comparison of the expected and the given signature. */
    public static boolean verify(byte[] key, String canonicalText, byte[] signature) {
        return MessageDigest.isEqual(sign(key, canonicalText), signature);
    }

    /** The Ed25519 signature a requester attaches: over the UTF-8 canonical text, named by its public key's id. */
    public static io.unlearn.events.Signature signEd25519(java.security.PrivateKey key, String canonicalText) {
        String keyId = io.unlearn.schemas.SigningKeys.keyId(io.unlearn.schemas.SigningKeys.publicOf(key));
        return io.unlearn.events.Signature.newBuilder().setAlgorithm(io.unlearn.schemas.SigningKeys.ALGORITHM).setKeyId(keyId)
                .setValue(java.nio.ByteBuffer.wrap(io.unlearn.schemas.EventSignatures.sign(canonicalText.getBytes(StandardCharsets.UTF_8), key)))
                .build();
    }

    /** Whether {@code value} is {@code key}'s Ed25519 signature over the canonical text. */
    public static boolean verifyEd25519(java.security.PublicKey key, String canonicalText, java.nio.ByteBuffer value) {
        byte[] bytes = new byte[value.remaining()];
        value.duplicate().get(bytes);
        return io.unlearn.schemas.EventSignatures.verify(canonicalText.getBytes(StandardCharsets.UTF_8), bytes, key);
    }

    private static String sortedJoin(List<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
