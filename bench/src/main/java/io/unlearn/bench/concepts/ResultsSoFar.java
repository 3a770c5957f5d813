package io.unlearn.bench.concepts;

import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.OutputOptions;
import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.suppression.SuppressionChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's result as it grows: the SAEs, one row and its details per measured removal (each announced to the
 * listener as stage {@code bench/concepts/<concept>/<method>}), the SAE's calibration grids; written after every
 * case, so a long run leaves partial results.
 */
final class ResultsSoFar {

    private final Map<String, Object> machine;
    private final Map<String, Object> settings;
    private final OutputOptions output;
    private final ProgressListener listener;
    private final int expectedRows;
    final List<SaeSummary> saes = new ArrayList<>();
    final Map<String, List<SuppressionChoice>> sweep = new LinkedHashMap<>();
    private final List<ConceptRow> rows = new ArrayList<>();
    private final List<ConceptDetail> details = new ArrayList<>();

    /**
     * @param machine where it runs
     * @param settings what runs
     * @param output where the result goes
     * @param listener told of every row
     * @param expectedRows rows the run will measure (for the progress events)
     */
    ResultsSoFar(Map<String, Object> machine, Map<String, Object> settings, OutputOptions output,
            ProgressListener listener, int expectedRows) {
        this.machine = machine;
        this.settings = settings;
        this.output = output;
        this.listener = listener;
        this.expectedRows = expectedRows;
    }

    /**
     * @param c the case
     * @param classNames the dataset's class names
     * @param method the method's name
     * @param removal the removal
     * @param m its measurements on the report half
     */
    void add(ConceptCase c, List<String> classNames, String method, Removal removal, RowMeasurement m) {
        ConceptRow row = m.row(c, classNames, method, removal);
        rows.add(row);
        details.add(ConceptDetail.of(c, method, removal, m));
        listener.onProgress(new ProgressEvent("bench/concepts/" + row.concept() + "/" + row.method(), rows.size(),
                Math.max(expectedRows, rows.size()), Map.of("conceptAccAfter", row.conceptAccAfter(), "otherAccAfter",
                        row.otherAccAfter(), "otherAccBefore", row.otherAccBefore(), "underAttack",
                        row.conceptAccUnderAttack(), "overhead", row.overheadRatio(), "probeAccAfter",
                        row.probeAccAfter(), "relearnAccK10", row.relearnAccK10())));
    }

    /** Writes what is measured so far, marked incomplete. */
    void writePartial() {
        BenchWriters.write(result(false), ConceptsReport.REPORT, output);
    }

    /** @return the complete result, written */
    ConceptsResult finish() {
        ConceptsResult r = result(true);
        BenchWriters.write(r, ConceptsReport.REPORT, output);
        return r;
    }

    private ConceptsResult result(boolean complete) {
        return new ConceptsResult(machine, settings, List.copyOf(saes), List.copyOf(rows), List.copyOf(details),
                new LinkedHashMap<>(sweep), complete);
    }
}
