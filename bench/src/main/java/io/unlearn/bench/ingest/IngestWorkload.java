package io.unlearn.bench.ingest;

import io.unlearn.bench.harness.PipeTimer;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The deletion requests of one benchmark run, encoded once in the wire format: a burst timed for throughput (keys
 * {@code PipeTimer.requestId(0 .. n-1)}) and a paced tail for latency (the ids after those). Every request names
 * one catalogued sample of model {@code bench-model}, so every one is valid and accepted.
 *
 * @param burstKeys request ids of the burst, UTF-8
 * @param burstValues the burst's encoded requests
 * @param pacedKeys request ids of the paced tail, UTF-8
 * @param pacedValues the paced tail's encoded requests
 */
record IngestWorkload(byte[][] burstKeys, byte[][] burstValues, byte[][] pacedKeys, byte[][] pacedValues) {
    static final String MODEL = "bench-model";

    static IngestWorkload encode(int burst, int paced, int samples, Serializer<DeletionRequest> serializer) {
        byte[][] keys = new byte[burst + paced][];
        byte[][] values = new byte[burst + paced][];
        Instant now = Instant.now();
        for (int i = 0; i < burst + paced; i++) {
            String id = PipeTimer.requestId(i);
            DeletionRequest r = DeletionRequest.newBuilder().setRequestId(id).setRequester("bench")
                    .setSampleIds(List.of(sampleId(i % samples))).setModelId(MODEL)
                    .setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now).setDeadline(now.plus(Duration.ofDays(30))).build();
            keys[i] = id.getBytes(StandardCharsets.UTF_8);
            values[i] = serializer.serialize(Topics.DELETION_REQUESTS.name(), r);
        }
        return new IngestWorkload(java.util.Arrays.copyOf(keys, burst), java.util.Arrays.copyOf(values, burst),
                java.util.Arrays.copyOfRange(keys, burst, burst + paced), java.util.Arrays.copyOfRange(values, burst, burst + paced));
    }

    static String sampleId(int i) {
        return String.format("bench-s%05d", i);
    }

    /** The first {@code n} requests of the burst (and the same paced tail). */
    IngestWorkload firstOf(int n) {
        int k = Math.min(n, burst());
        return new IngestWorkload(java.util.Arrays.copyOf(burstKeys, k), java.util.Arrays.copyOf(burstValues, k), pacedKeys, pacedValues);
    }

    int burst() {
        return burstKeys.length;
    }
}
