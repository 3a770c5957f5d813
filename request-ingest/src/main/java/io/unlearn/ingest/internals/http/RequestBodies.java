package io.unlearn.ingest.internals.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.Signature;
import io.unlearn.ingest.internals.RequestSignatures;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a JSON body into the Avro request it describes, with the requester bound to the caller's token
 * and defaults filled: requestId a new id, legalBasis UNKNOWN, receivedAt now, deadline receivedAt +
 * {@link #DEFAULT_DEADLINE}. Only the shape is checked here; whether the model and samples exist, the
 * signature verifies and the deadline is sane is for the topology, which answers with a REJECTED status.
 */
final class RequestBodies {
    static final Duration DEFAULT_DEADLINE = Duration.ofDays(30);
    static final int MAX_REQUEST_ID_LENGTH = 200;
    private static final Set<String> DELETION_FIELDS = Set.of("requestId", "subjectId", "sampleIds", "modelId",
            "legalBasis", "legalReference", "receivedAt", "deadline", "signature");
    private static final Set<String> CONCEPT_FIELDS = Set.of("requestId", "modelId", "conceptName", "conceptLabels",
            "exampleSampleIds", "layerHint", "receivedAt", "deadline", "signature");
    private static final Set<String> SIGNATURE_FIELDS = Set.of("keyId", "value", "algorithm");

    private final Clock clock;
    private final Supplier<String> newRequestId;

    RequestBodies(Clock clock, Supplier<String> newRequestId) {
        this.clock = clock;
        this.newRequestId = newRequestId;
    }

    DeletionRequest deletion(JsonNode body, String requester) {
        JsonFields f = JsonFields.of(body, DELETION_FIELDS);
        String requestId = requestId(f);
        String subjectId = blankToNull(f.text("subjectId"));
        List<String> sampleIds = f.texts("sampleIds");
        String modelId = f.requiredText("modelId");
        LegalBasis legalBasis = f.enumValue("legalBasis", LegalBasis.class, LegalBasis.UNKNOWN);
        String legalReference = f.text("legalReference");
        Instant receivedAt = f.instant("receivedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Instant deadline = f.instant("deadline", receivedAt.plus(DEFAULT_DEADLINE));
        Signature signature = signature(f);
        if (subjectId == null && sampleIds.isEmpty()) {
            f.invalid("name what to forget: give subjectId, sampleIds, or both");
        }
        f.check();
        return DeletionRequest.newBuilder().setRequestId(requestId).setRequester(requester).setSubjectId(subjectId)
                .setSampleIds(sampleIds).setModelId(modelId).setLegalBasis(legalBasis).setLegalReference(legalReference)
                .setReceivedAt(receivedAt).setDeadline(deadline).setSignature(signature).build();
    }

    ConceptRemovalRequest concept(JsonNode body, String requester) {
        JsonFields f = JsonFields.of(body, CONCEPT_FIELDS);
        String requestId = requestId(f);
        String modelId = f.requiredText("modelId");
        String conceptName = f.requiredText("conceptName");
        List<String> labels = f.texts("conceptLabels");
        List<String> examples = f.texts("exampleSampleIds");
        String layerHint = blankToNull(f.text("layerHint"));
        Instant receivedAt = f.instant("receivedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Instant deadline = f.instant("deadline", receivedAt.plus(DEFAULT_DEADLINE));
        Signature signature = signature(f);
        if (labels.isEmpty() && examples.isEmpty()) {
            f.invalid("say what the concept is: give conceptLabels, exampleSampleIds, or both");
        }
        f.check();
        return ConceptRemovalRequest.newBuilder().setRequestId(requestId).setRequester(requester).setModelId(modelId)
                .setConceptName(conceptName).setConceptLabels(labels).setExampleSampleIds(examples).setLayerHint(layerHint)
                .setReceivedAt(receivedAt).setDeadline(deadline).setSignature(signature).build();
    }

    private String requestId(JsonFields f) {
        String given = f.text("requestId");
        if (given != null && (given.isBlank() || given.length() > MAX_REQUEST_ID_LENGTH)) {
            f.invalid("requestId must be 1 to " + MAX_REQUEST_ID_LENGTH + " non-blank characters, or left out to get a new one");
        }
        return given == null ? newRequestId.get() : given;
    }

    /** {"keyId": ..., "value": base64, "algorithm"?: HmacSHA256} over the text of {@link RequestSignatures}. */
    private static Signature signature(JsonFields request) {
        JsonFields f = request.object("signature", SIGNATURE_FIELDS);
        if (f == null) {
            return null;
        }
        String keyId = f.requiredText("keyId");
        String value = f.requiredText("value");
        String algorithm = f.text("algorithm");
        byte[] bytes = new byte[0];
        try {
            bytes = value == null ? bytes : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            f.invalid("signature.value is not base64 (" + e.getMessage() + ")");
        }
        return Signature.newBuilder().setKeyId(keyId == null ? "" : keyId).setValue(ByteBuffer.wrap(bytes))
                .setAlgorithm(algorithm == null ? RequestSignatures.ALGORITHM : algorithm).build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
