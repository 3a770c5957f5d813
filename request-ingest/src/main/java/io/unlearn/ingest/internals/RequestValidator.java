package io.unlearn.ingest.internals;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.RequestKind;
import io.unlearn.events.Signature;
import io.unlearn.schemas.SigningKeys;
import io.unlearn.schemas.TrustedKeys;
import io.unlearn.ingest.IngestRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks a decoded request against the catalogue, the known models and the {@link IngestRules}, and
 * resolves a deletion's subject to its samples. Pure: no Kafka, the clock's reading is passed in.
 * Every problem found is named in the rejection, not only the first.
 */
public final class RequestValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@/-]{1,128}");
    private static final int SHOWN = 5;

    private final IngestRules rules;

    public RequestValidator(IngestRules rules) {
        this.rules = rules;
    }

    public Validation validate(DeletionRequest r, CatalogView catalog, Instant now) {
        List<String> problems = new ArrayList<>();
        common(r.getRequestId(), r.getRequester(), r.getModelId(), r.getReceivedAt(), r.getDeadline(), catalog, now, problems);
        signature(r.getRequester(), r.getSignature(), () -> RequestSignatures.canonical(r), problems);
        TreeSet<String> samples = new TreeSet<>();
        boolean hasSubject = r.getSubjectId() != null && !r.getSubjectId().isBlank();
        if (!hasSubject && r.getSampleIds().isEmpty()) {
            problems.add("names neither a subjectId nor sampleIds: give at least one");
        }
        if (hasSubject) {
            List<String> owned = catalog.samplesOf(r.getSubjectId());
            if (owned.isEmpty()) {
                problems.add("subject '" + r.getSubjectId() + "' owns no catalogued sample: import the catalogue or check the id");
            }
            samples.addAll(owned);
        }
        if (r.getSampleIds().size() > rules.maxSamples()) {
            problems.add("names " + r.getSampleIds().size() + " samples, more than the limit of " + rules.maxSamples() + ": split the request");
        } else {
            unknownSamples(r.getSampleIds(), catalog, problems);
            samples.addAll(r.getSampleIds());
        }
        if (samples.size() > rules.maxSamples()) {
            problems.add("resolves to " + samples.size() + " samples, more than the limit of " + rules.maxSamples() + ": split the request");
        }
        if (!problems.isEmpty()) {
            return new Validation.Rejected(String.join("; ", problems));
        }
        List<String> fresh = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        for (String id : samples) {
            (catalog.forgottenBy(r.getModelId(), id).isPresent() ? forgotten : fresh).add(id);
        }
        String note = forgotten.isEmpty() ? null
                : forgotten.size() + " of " + samples.size() + " samples already forgotten (e.g. " + forgotten.get(0) + " by "
                        + catalog.forgottenBy(r.getModelId(), forgotten.get(0)).orElseThrow() + ")"
                        + (fresh.isEmpty() ? "; nothing left to apply" : "; the other " + fresh.size() + " go forward");
        AcceptedRequest accepted = base(r.getRequestId(), RequestKind.DELETION, r.getModelId(), r.getRequester(),
                r.getReceivedAt(), r.getDeadline(), now)
                .setSubjectId(hasSubject ? r.getSubjectId() : null)
                .setSampleIds(fresh)
                .setLegalBasis(r.getLegalBasis() == null ? LegalBasis.UNKNOWN : r.getLegalBasis())
                .build();
        return new Validation.Accepted(accepted, note);
    }

    public Validation validate(ConceptRemovalRequest r, CatalogView catalog, Instant now) {
        List<String> problems = new ArrayList<>();
        common(r.getRequestId(), r.getRequester(), r.getModelId(), r.getReceivedAt(), r.getDeadline(), catalog, now, problems);
        signature(r.getRequester(), r.getSignature(), () -> RequestSignatures.canonical(r), problems);
        if (r.getConceptName() == null || r.getConceptName().isBlank()) {
            problems.add("conceptName is empty: name the concept, e.g. footwear");
        }
        if (r.getConceptLabels().isEmpty() && r.getExampleSampleIds().isEmpty()) {
            problems.add("names neither conceptLabels nor exampleSampleIds: give at least one");
        }
        // Labels and examples have limits of their own: a pattern concept is named by its examples (e.g. the stamped
        // samples of fmnist-stamped, hundreds to thousands of ids), which a limit sized for class labels would refuse.
        if (r.getConceptLabels().size() > rules.maxLabels()) {
            problems.add("names " + r.getConceptLabels().size() + " labels, more than the limit of " + rules.maxLabels()
                    + " (request.max.labels)");
        } else if (r.getExampleSampleIds().size() > rules.maxSamples()) {
            problems.add("names " + r.getExampleSampleIds().size() + " example samples, more than the limit of " + rules.maxSamples()
                    + " (request.max.samples)");
        } else {
            List<String> unknownLabels = r.getConceptLabels().stream().filter(l -> !catalog.labelExists(l)).toList();
            if (!unknownLabels.isEmpty()) {
                problems.add("unknown labels " + unknownLabels + ": use class labels present in the catalogue");
            }
            unknownSamples(r.getExampleSampleIds(), catalog, problems);
        }
        if (!problems.isEmpty()) {
            return new Validation.Rejected(String.join("; ", problems));
        }
        AcceptedRequest accepted = base(r.getRequestId(), RequestKind.CONCEPT, r.getModelId(), r.getRequester(),
                r.getReceivedAt(), r.getDeadline(), now)
                .setConceptName(r.getConceptName())
                .setConceptLabels(List.copyOf(new TreeSet<>(r.getConceptLabels())))
                .setSampleIds(List.copyOf(new TreeSet<>(r.getExampleSampleIds())))
                .setLayerHint(r.getLayerHint())
                .build();
        return new Validation.Accepted(accepted, null);
    }

    private void common(String requestId, String requester, String modelId, Instant receivedAt, Instant deadline,
                        CatalogView catalog, Instant now, List<String> problems) {
        if (requestId == null || !ID.matcher(requestId).matches()) {
            problems.add("requestId '" + requestId + "' must be 1-128 characters of letters, digits and ._:@/-");
        }
        if (requester == null || requester.isBlank()) {
            problems.add("requester is empty: say who asks");
        }
        if (modelId == null || !catalog.modelExists(modelId)) {
            problems.add("unknown model '" + modelId + "': no version of it has been published");
        }
        if (receivedAt.isAfter(now.plus(rules.clockSkew()))) {
            problems.add("receivedAt " + receivedAt + " lies in the future (now " + now + "): check the sender's clock");
        }
        if (!deadline.isAfter(receivedAt)) {
            problems.add("deadline " + deadline + " is not after receivedAt " + receivedAt);
        } else if (deadline.isAfter(receivedAt.plus(rules.maxDeadline()))) {
            problems.add("deadline " + deadline + " is more than " + rules.maxDeadline().toDays() + " days after receivedAt");
        }
        if (!deadline.isAfter(now)) {
            problems.add("deadline " + deadline + " has already passed (now " + now + ")");
        }
    }

    /** The canonical text is only built when there is a signature to check (most requests carry none). */
    private void signature(String requester, Signature signature, Supplier<String> canonicalText, List<String> problems) {
        boolean ed25519Required = !rules.publicKeys(requester).isEmpty();
        if (signature == null) {
            if (ed25519Required) {
                problems.add("requester '" + requester + "' has an Ed25519 public key configured and must sign its requests with it,"
                        + " and this one is unsigned (sign it: unlearn request ... --sign-key <private key>)");
            } else if (requester != null && rules.requiresSignature(requester)) {
                problems.add("requester '" + requester + "' must sign its requests, and this one is unsigned");
            }
            return;
        }
        if (SigningKeys.ALGORITHM.equals(signature.getAlgorithm())) {
            ed25519(requester, signature, canonicalText.get(), problems);
            return;
        }
        if (ed25519Required) {
            problems.add("requester '" + requester + "' has an Ed25519 public key configured, so its requests must carry an Ed25519"
                    + " signature; this one is signed with " + signature.getAlgorithm());
            return;
        }
        if (!RequestSignatures.ALGORITHM.equals(signature.getAlgorithm())) {
            problems.add("signature algorithm '" + signature.getAlgorithm() + "' is not supported: use " + SigningKeys.ALGORITHM
                    + " or " + RequestSignatures.ALGORITHM);
            return;
        }
        Optional<byte[]> key = rules.signingKey(requester, signature.getKeyId());
        if (key.isEmpty()) {
            problems.add("signature key '" + signature.getKeyId() + "' is not known for requester '" + requester + "'");
        } else if (!RequestSignatures.verify(key.get(), canonicalText.get(), signature.getValue().array())) {
            problems.add("bad signature: it does not match the request's content under key '" + signature.getKeyId() + "'");
        }
    }

    private void ed25519(String requester, Signature signature, String canonicalText, List<String> problems) {
        TrustedKeys keys = rules.publicKeys(requester);
        Optional<java.security.PublicKey> key = keys.find(signature.getKeyId());
        if (keys.isEmpty()) {
            problems.add("no Ed25519 public key is configured for requester '" + requester + "' (signing.public.keys.dir)");
        } else if (key.isEmpty()) {
            problems.add("Ed25519 key '" + signature.getKeyId() + "' is not one of requester '" + requester + "'s public keys "
                    + keys.keyIds());
        } else if (!RequestSignatures.verifyEd25519(key.get(), canonicalText, signature.getValue())) {
            problems.add("bad Ed25519 signature: it does not match the request's content under key '" + signature.getKeyId() + "'");
        }
    }

    private static void unknownSamples(List<String> ids, CatalogView catalog, List<String> problems) {
        List<String> unknown = null;
        for (String id : ids) {
            if (id == null || !catalog.sampleExists(id)) {
                unknown = unknown == null ? new ArrayList<>() : unknown;
                unknown.add(id);
            }
        }
        if (unknown != null) {
            problems.add(unknown.size() + " unknown sample ids (e.g. " + unknown.subList(0, Math.min(SHOWN, unknown.size()))
                    + "): use ids from unlearn.catalog.samples");
        }
    }

    private static AcceptedRequest.Builder base(String requestId, RequestKind kind, String modelId, String requester,
                                                Instant receivedAt, Instant deadline, Instant now) {
        // Every field is set here (the kind-specific ones overwritten by the caller), so build() copies no schema default.
        return AcceptedRequest.newBuilder().setRequestId(requestId).setKind(kind).setModelId(modelId)
                .setRequester(requester).setSubjectId(null).setSampleIds(List.of()).setConceptName(null)
                .setConceptLabels(List.of()).setLayerHint(null).setLegalBasis(LegalBasis.UNKNOWN)
                .setReceivedAt(receivedAt).setAcceptedAt(now).setDeadline(deadline);
    }
}
