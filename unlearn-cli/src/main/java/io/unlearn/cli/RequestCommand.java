package io.unlearn.cli;

import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.RequestState;
import io.unlearn.ingest.internals.KafkaRequestPublisher;
import io.unlearn.ingest.internals.RequestSignatures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unlearn request delete|concept}: publish a request from a terminal, optionally follow its status. */
@Command(mixinStandardHelpOptions = true, name = "request", description = "Publish deletion and concept-removal requests.",
        subcommands = {RequestCommand.Delete.class, RequestCommand.Concept.class})
final class RequestCommand {

    /** Options both request kinds share. */
    abstract static class Common extends ClusterCommand {
        @Option(names = "--model", required = true, description = "The model, e.g. fmnist-cnn.")
        String modelId;

        @Option(names = "--request-id", description = "Idempotency key (default: a new UUID).")
        String requestId = UUID.randomUUID().toString();

        @Option(names = "--requester", description = "Who asks (default: ${DEFAULT-VALUE}).")
        String requester = "cli:" + System.getProperty("user.name", "operator");

        @Option(names = "--deadline-days", description = "Days until the deadline (default: ${DEFAULT-VALUE}).")
        int deadlineDays = 30;

        @Option(names = "--wait", description = "Follow the request's status for up to this long, e.g. PT2M (default: don't wait).")
        Duration wait;

        @Option(names = "--sign-key", paramLabel = "FILE", description = "Sign the request with this Ed25519 private key (PKCS#8 PEM,"
                + " from `unlearn keys generate`); required when ingest has a public key for --requester.")
        java.nio.file.Path signKey;

        @Option(names = "--hmac-key-id", paramLabel = "ID", description = "Sign with HMAC-SHA256 instead: the key id ingest knows"
                + " (signing.keys requester:ID:key); the key is read from the environment variable UNLEARN_HMAC_KEY (base64).")
        String hmacKeyId;

        @Option(names = "--until", description = "With --wait: stop at this state (default: a final one, VERIFIED, REJECTED or FAILED, or AWAITING_EVIDENCE, where nothing moves until later deletions are judged).")
        RequestState until;

        Instant now() {
            return Instant.now();
        }

        /** The signature the options ask for over {@code canonicalText}, or null when none. */
        io.unlearn.events.Signature signature(String canonicalText) {
            if (signKey != null && hmacKeyId != null) {
                throw new CliException("--sign-key and --hmac-key-id exclude each other; pass one of them");
            }
            if (signKey != null) {
                try {
                    return RequestSignatures.signEd25519(io.unlearn.schemas.SigningKeys.readPrivate(signKey), canonicalText);
                } catch (io.unlearn.schemas.ContractException e) {
                    throw new CliException("--sign-key: " + e.getMessage());
                }
            }
            if (hmacKeyId != null) {
                String key = System.getenv("UNLEARN_HMAC_KEY");
                if (key == null || key.isBlank()) {
                    throw new CliException("--hmac-key-id needs the key in the environment variable UNLEARN_HMAC_KEY (base64)");
                }
                byte[] raw;
                try {
                    raw = java.util.Base64.getDecoder().decode(key.trim());
                } catch (IllegalArgumentException e) {
                    throw new CliException("UNLEARN_HMAC_KEY is not base64: " + e.getMessage());
                }
                return new io.unlearn.events.Signature(RequestSignatures.ALGORITHM, hmacKeyId,
                        java.nio.ByteBuffer.wrap(RequestSignatures.sign(raw, canonicalText)));
            }
            return null;
        }

        void publishAndFollow(java.util.function.Consumer<KafkaRequestPublisher> publish) {
            if (deadlineDays < 1) {
                throw new CliException("--deadline-days " + deadlineDays + " must be at least 1");
            }
            try (KafkaRequestPublisher publisher = new KafkaRequestPublisher(cluster.clientProps(), cluster.registry())) {
                publish.accept(publisher);
            }
            System.out.println(requestId);
            if (wait != null) {
                new StatusFollower(cluster.clientProps(), cluster.registry()).follow(requestId, until, wait, System.out);
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Ask a model to forget a data subject's samples or named samples.")
    static final class Delete extends Common {
        @Option(names = "--subject", description = "The data subject whose samples to forget.")
        String subjectId;

        @Option(names = "--samples", split = ",", description = "Sample ids to forget, comma-separated.")
        List<String> sampleIds = List.of();

        @Option(names = "--legal-basis", description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        LegalBasis legalBasis = LegalBasis.GDPR_ART_17;

        @Override
        public Integer call() {
            if (subjectId == null && sampleIds.isEmpty()) {
                throw new CliException("give --subject or --samples (or both)");
            }
            Instant now = now();
            DeletionRequest r = DeletionRequest.newBuilder().setRequestId(requestId).setRequester(requester)
                    .setSubjectId(subjectId).setSampleIds(sampleIds).setModelId(modelId).setLegalBasis(legalBasis)
                    .setReceivedAt(now).setDeadline(now.plus(Duration.ofDays(deadlineDays))).build();
            r.setSignature(signature(RequestSignatures.canonical(r)));
            publishAndFollow(p -> p.publish(r));
            return 0;
        }
    }

    @Command(name = "concept", mixinStandardHelpOptions = true, description = "Ask a model to stop recognising a concept: a label set, or "
            + "the classes of example samples, or the input pattern its examples carry (the stamped samples of fmnist-stamped).")
    static final class Concept extends Common {
        @Option(names = "--name", required = true, description = "Concept name, e.g. footwear.")
        String conceptName;

        @Option(names = "--labels", split = ",", description = "Class labels making up the concept, e.g. Sandal,Sneaker,'Ankle boot'.")
        List<String> labels = List.of();

        @Option(names = "--examples", split = ",", description = "Sample ids showing the concept.")
        List<String> examples = List.of();

        @Option(names = "--examples-file", description = "A file of sample ids showing the concept, one per line (added to --examples); "
                + "e.g. the stamped samples of fmnist-stamped, which the worker removes as a pattern, not as their label.")
        java.nio.file.Path examplesFile;

        @Option(names = "--layer", description = "Layer to read (default: the worker's choice).")
        String layer;

        @Override
        public Integer call() {
            List<String> examples = new java.util.ArrayList<>(this.examples);
            if (examplesFile != null) {
                try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(examplesFile)) {
                    lines.map(String::strip).filter(l -> !l.isEmpty()).forEach(examples::add);
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    throw new CliException("cannot read --examples-file " + examplesFile + " (" + e.getMessage() + "); give a readable "
                            + "file of sample ids, one per line");
                }
            }
            if (labels.isEmpty() && examples.isEmpty()) {
                throw new CliException("give --labels or --examples / --examples-file (or both)");
            }
            Instant now = now();
            ConceptRemovalRequest r = ConceptRemovalRequest.newBuilder().setRequestId(requestId).setRequester(requester)
                    .setModelId(modelId).setConceptName(conceptName).setConceptLabels(labels).setExampleSampleIds(examples)
                    .setLayerHint(layer).setReceivedAt(now).setDeadline(now.plus(Duration.ofDays(deadlineDays))).build();
            r.setSignature(signature(RequestSignatures.canonical(r)));
            publishAndFollow(p -> p.publish(r));
            return 0;
        }
    }
}
