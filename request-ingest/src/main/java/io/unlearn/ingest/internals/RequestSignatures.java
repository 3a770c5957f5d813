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
 * "HmacSHA256", keyId, value)}. The JDK's {@link Mac} does the cryptography.
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

    private static String sortedJoin(List<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
