package io.unlearn.demo;

import static io.unlearn.demo.DemoHtml.esc;

import io.unlearn.events.RequestState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The report's per-request timeline: published → RECEIVED → ACCEPTED → BATCHED → APPLIED → final state, with the
 * status events' times (UTC), the version that applied it and the reason of a REJECTED or FAILED one. A few telling
 * requests are shown open; every request is in a collapsible table below.
 */
final class DemoReportTimeline {
    private static final String[] HEADER = {"request", "published", "RECEIVED", "ACCEPTED", "BATCHED", "APPLIED", "final state",
            "version", "stages", "reason"};
    private static final RequestState[] STEPS = {RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED, RequestState.APPLIED};

    private DemoReportTimeline() {
    }

    static void append(StringBuilder h, DemoFacts f) {
        h.append("<section id=\"timeline\"><h2>Per-request timeline</h2><p>Times are the status events' (UTC), each with the seconds "
                + "since the demo published the request. The bar shows where a request's time went:");
        for (DemoStage s : DemoStage.values()) {
            h.append("<span class=\"key\"><span class=\"").append(s.name()).append("\"></span>").append(esc(s.title())).append("</span>");
        }
        h.append("</p>");
        double longest = f.timelines.stream().filter(DemoTimeline::isFinal)
                .mapToDouble(t -> t.secondsSincePublished(t.finishedAt())).filter(d -> !Double.isNaN(d)).max().orElse(1);
        table(h, "timeline-selection", selection(f.timelines), longest);
        h.append("<details id=\"all-requests\"><summary>All ").append(f.timelines.size()).append(" requests</summary>");
        table(h, "timeline-all", f.timelines, longest);
        h.append("</details></section>");
    }

    /** One of each kind of outcome: the first deletions by subject and by samples, a concept, the slowest, every failure, one that awaited evidence. */
    static List<DemoTimeline> selection(List<DemoTimeline> all) {
        Set<DemoTimeline> chosen = new LinkedHashSet<>();
        first(all, t -> t.finalState() == RequestState.VERIFIED && t.description().startsWith("subject"), chosen);
        first(all, t -> t.finalState() == RequestState.VERIFIED && t.description().startsWith("samples"), chosen);
        first(all, t -> t.finalState() == RequestState.VERIFIED && t.description().startsWith("concept"), chosen);
        all.stream().filter(t -> t.finalState() == RequestState.VERIFIED)
                .max(Comparator.comparingDouble(t -> t.secondsSincePublished(t.finishedAt()))).ifPresent(chosen::add);
        all.stream().filter(t -> t.finalState() == RequestState.FAILED).limit(3).forEach(chosen::add);
        first(all, t -> t.finalState() == RequestState.REJECTED, chosen);
        first(all, t -> t.reached().containsKey(RequestState.AWAITING_EVIDENCE), chosen);
        first(all, t -> !t.isFinal(), chosen);
        return new ArrayList<>(chosen);
    }

    private static void first(List<DemoTimeline> all, Predicate<DemoTimeline> which, Set<DemoTimeline> into) {
        all.stream().filter(which).findFirst().ifPresent(into::add);
    }

    private static void table(StringBuilder h, String id, List<DemoTimeline> rows, double longest) {
        h.append("<table class=\"wide\" id=\"").append(id).append("\"><tr>");
        for (String c : HEADER) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>");
        for (DemoTimeline t : rows) {
            h.append("<tr><td>").append(esc(t.requestId())).append("<br><small>").append(esc(t.description()).replace(",", ",<wbr>")).append("</small></td><td>")
                    .append("<span class=\"t\">").append(DemoHtml.time(t.published())).append("</span></td>");
            for (RequestState s : STEPS) {
                cell(h, t, t.reached().get(s), null);
            }
            String state = t.finalState() == null ? "(no status)" : t.finalState().name();
            cell(h, t, t.isFinal() ? t.finishedAt() : null, state);
            h.append("<td class=\"t\">").append(esc(t.versionId())).append("</td><td>").append(bar(t, longest)).append("</td><td>")
                    .append(esc(t.reason())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void cell(StringBuilder h, DemoTimeline t, Instant at, String state) {
        h.append(state == null ? "<td>" : "<td class=\"" + esc(state) + "\">" + esc(state) + "<br>");
        if (at != null) {
            h.append("<span class=\"t\">").append(DemoHtml.time(at)).append("</span><br><small class=\"t\">").append(String.format(Locale.ROOT, "+%.2f s", t.secondsSincePublished(at)))
                    .append("</small>");
        } else if (state == null) {
            h.append("–");
        }
        h.append("</td>");
    }

    /** The request's stages as proportional coloured segments of one bar (scaled to the slowest request). */
    private static String bar(DemoTimeline t, double longest) {
        StringBuilder b = new StringBuilder("<div class=\"bar\">");
        for (DemoStage s : DemoStage.values()) {
            double sec = t.seconds(s);
            if (!Double.isNaN(sec) && sec > 0) {
                b.append(String.format(Locale.ROOT, "<span class=\"%s\" style=\"width:%.1f%%\" title=\"%s %.2f s\"></span>", s.name(),
                        100 * sec / longest, esc(s.title()), sec));
            }
        }
        return b.append("</div>").toString();
    }
}
