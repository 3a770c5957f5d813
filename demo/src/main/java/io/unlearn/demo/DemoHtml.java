package io.unlearn.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The small HTML pieces the report's sections are made of: escaping, tables, inlined charts, times. */
final class DemoHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** The page's styles: one block, no external resources. */
    static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.4}"
            + "table{border-collapse:collapse;margin:1em 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:left;"
            + "vertical-align:top}th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}"
            + ".CERTIFIED,.VERIFIED,.passed{color:#17702a;font-weight:600}.REJECTED,.FAILED,.failed{color:#b3261e;font-weight:600}"
            + ".INCONCLUSIVE,.pending{color:#8a5a00;font-weight:600}small,.note{color:#666}figure{margin:1em 0}"
            + "figcaption{color:#555;font-size:13px;max-width:720px}img{max-width:100%;border:1px solid #eee}"
            + "dl.verdicts dt{font-weight:600;margin-top:.6em}dl.verdicts dd{margin-left:1.5em}"
            + ".box{border:1px solid #ccc;border-radius:4px;padding:.6em 1em;background:#fafafa}nav a{margin-right:1em}"
            + ".bar{display:flex;width:120px;height:12px;background:#eee}.bar span{display:block;height:12px}"
            + java.util.Arrays.stream(DemoStage.values()).map(s -> "." + s.name() + "{background:" + s.color() + "}")
                    .collect(java.util.stream.Collectors.joining())
            + ".key span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}"
            + "table.wide{width:100%;font-size:12px}table.wide td:first-child{overflow-wrap:anywhere;min-width:12em}.t{white-space:nowrap}details summary{cursor:pointer;font-weight:600;margin:.5em 0}";

    private DemoHtml() {
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** An inlined PNG with a caption saying how to read it; nothing when there is no chart. */
    static void chart(StringBuilder h, String png, String alt, String caption) {
        if (png != null) {
            h.append("<figure><img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,").append(png).append("\">");
            h.append(caption == null ? "" : "<figcaption>" + esc(caption) + "</figcaption>").append("</figure>");
        }
    }

    /** @param classColumns the columns whose value also becomes the cell's CSS class (verdicts, states, results) */
    static void table(StringBuilder h, String id, String[] header, List<String[]> rows, int... classColumns) {
        h.append(id == null ? "<table>" : "<table id=\"" + esc(id) + "\">").append("<tr>");
        for (String c : header) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>");
        for (String[] r : rows) {
            h.append("<tr>");
            for (int i = 0; i < r.length; i++) {
                int column = i;
                h.append(java.util.Arrays.stream(classColumns).anyMatch(c -> c == column) ? "<td class=\"" + esc(r[i]) + "\">" : "<td>").append(esc(r[i])).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    /** A UTC time of day with milliseconds, e.g. 09:27:31.204; "–" for none. */
    static String time(Instant t) {
        return t == null ? "–" : TIME.format(t);
    }
}
