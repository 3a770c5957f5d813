package io.unlearn.demo;

import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.ml.data.DataView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The demo's request stream, as a compliance system would publish it: deletions by data subject and by sample ids
 * (disjoint, so every one leads to a new version), a few exact re-sends (ingest deduplicates them by request id), a
 * few invalid requests (ingest rejects them with the reason) and two concept removals part-way through.
 */
final class DemoRequests {

    /** One request to publish, in order; {@code duplicate} marks a re-send of an earlier one. */
    record Item(String requestId, Object request, String description, boolean duplicate, boolean expectedValid) {
    }

    private DemoRequests() {
    }

    static List<Item> build(String modelId, DataView train, int deletions, String runId, long seed) {
        List<String> subjects = new ArrayList<>(new TreeSet<>(subjectsOf(train)));
        Collections.shuffle(subjects, new Random(seed));
        int bySubject = Math.max(1, deletions * 7 / 10);
        int bySamples = Math.max(1, deletions - bySubject);
        List<Item> items = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < bySubject; i++) {
            String id = runId + "-subject-" + i;
            items.add(new Item(id, deletion(id, modelId, subjects.get(i), List.of(), now), "subject " + subjects.get(i), false, true));
        }
        List<String> pool = new ArrayList<>();
        for (String s : subjects.subList(bySubject, Math.min(subjects.size(), bySubject + bySamples))) {
            pool.addAll(samplesOf(train, s));
        }
        for (int i = 0; i < bySamples && 3 * i + 2 < pool.size(); i++) {
            String id = runId + "-samples-" + i;
            List<String> ids = List.copyOf(new TreeSet<>(pool.subList(3 * i, 3 * i + 3)));
            items.add(new Item(id, deletion(id, modelId, null, ids, now), "samples " + String.join(",", ids), false, true));
        }
        Collections.shuffle(items, new Random(seed + 1));
        items.add(items.size() / 3, concept(runId + "-concept-footwear", modelId, "footwear", List.of("Sandal", "Sneaker", "Ankle boot"), now));
        items.add(2 * items.size() / 3, concept(runId + "-concept-trouser", modelId, "trousers", List.of("Trouser"), now));
        for (int i = 0; i < Math.max(1, deletions / 10); i++) {
            Item original = items.get(3 * i + 1);
            items.add(Math.min(items.size(), 3 * i + 5), new Item(original.requestId(), original.request(),
                    "re-send of " + original.requestId(), true, original.expectedValid()));
        }
        items.add(new Item(runId + "-bad-model", deletion(runId + "-bad-model", "fmnist-resnet", subjects.get(0), List.of(), now),
                "unknown model", false, false));
        items.add(new Item(runId + "-bad-sample", deletion(runId + "-bad-sample", modelId, null, List.of("fmnist/train/999999"), now),
                "sample not in the catalog", false, false));
        items.add(new Item(runId + "-bad-subject", deletion(runId + "-bad-subject", modelId, "fmnist/train/subject-99999", List.of(), now),
                "unknown subject", false, false));
        items.add(new Item(runId + "-bad-empty", deletion(runId + "-bad-empty", modelId, null, List.of(), now),
                "neither subject nor samples", false, false));
        return items;
    }

    private static DeletionRequest deletion(String id, String model, String subject, List<String> samples, Instant now) {
        return DeletionRequest.newBuilder().setRequestId(id).setRequester("demo-compliance").setSubjectId(subject).setSampleIds(samples)
                .setModelId(model).setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now).setDeadline(now.plus(Duration.ofDays(30)))
                .build();
    }

    private static Item concept(String id, String model, String name, List<String> labels, Instant now) {
        ConceptRemovalRequest r = ConceptRemovalRequest.newBuilder().setRequestId(id).setRequester("demo-policy").setModelId(model)
                .setConceptName(name).setConceptLabels(labels).setReceivedAt(now).setDeadline(now.plus(Duration.ofDays(7))).build();
        return new Item(id, r, "concept " + name + " " + labels, false, true);
    }

    private static List<String> subjectsOf(DataView train) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            out.add(train.source().subject(train.row(i)));
        }
        return out;
    }

    private static List<String> samplesOf(DataView train, String subject) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (subject.equals(train.source().subject(train.row(i)))) {
                out.add(train.id(i));
            }
        }
        return out;
    }
}
