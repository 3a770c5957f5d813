package io.unlearn.demo;

import io.unlearn.events.RequestState;

/**
 * The four stages of a valid request's latency, each between two of its events. EVALUATION ends at VERIFIED or
 * FAILED, whichever it reached; INGEST starts when the demo published the request.
 */
enum DemoStage {
    INGEST("ingest", "published → ACCEPTED", null, RequestState.ACCEPTED, "#4c72b0"),
    BATCH_WAIT("waiting for a batch", "ACCEPTED → BATCHED", RequestState.ACCEPTED, RequestState.BATCHED, "#dd8452"),
    UNLEARNING("unlearning", "BATCHED → APPLIED", RequestState.BATCHED, RequestState.APPLIED, "#55a868"),
    EVALUATION("evaluation", "APPLIED → VERIFIED/FAILED", RequestState.APPLIED, RequestState.VERIFIED, "#c44e52");

    private final String title;
    private final String span;
    private final RequestState from;
    private final RequestState to;
    private final String color;

    DemoStage(String title, String span, RequestState from, RequestState to, String color) {
        this.title = title;
        this.span = span;
        this.from = from;
        this.to = to;
        this.color = color;
    }

    /** The stage's colour in the report, the same in the timeline bars and the charts, as {@code #rrggbb}. */
    String color() {
        return color;
    }

    String title() {
        return title;
    }

    /** Which events bound the stage, e.g. "ACCEPTED → BATCHED". */
    String span() {
        return span;
    }

    /** The state the stage starts at; null for INGEST (it starts at publication). */
    RequestState from() {
        return from;
    }

    /** The state the stage ends at (EVALUATION: VERIFIED, or FAILED in its place). */
    RequestState to() {
        return to;
    }
}
