package io.unlearn.bench.concepts;

import io.unlearn.ml.suppression.ConceptAttackReport;
import io.unlearn.ml.suppression.PatternEffect;
import io.unlearn.ml.suppression.SuppressionReport;
import java.util.List;

/**
 * What the benchmark measures of one removal on the report half: the standard evaluation, the attacks on the
 * representation and, for a pattern concept, the stamp's effect with its clean floor.
 *
 * @param report accuracies before and after, under PGD, inference overhead
 * @param attacks the linear probe and the relearning attacks with k = 10 and 100 concept samples
 * @param pattern the stamp's effect after removal (pattern rows), or null (label rows)
 * @param seconds time the measurements took (the PGD attacks on both models, the overhead timing, the probe and the
 *     relearning attacks), seconds
 */
record RowMeasurement(SuppressionReport report, ConceptAttackReport attacks, PatternEffect pattern, double seconds) {

    /**
     * @param c the case
     * @param classNames the dataset's class names
     * @param method the method's name
     * @param removal the removal measured
     * @return the row: the report's accuracies, the overhead as {@link Removal#weightsOnly()} says, the attacks
     */
    ConceptRow row(ConceptCase c, List<String> classNames, String method, Removal removal) {
        double overhead = removal.weightsOnly() ? 0 : report.overheadPercent();
        return new ConceptRow(c.name(), c.labelNames(classNames), c.kind(), method, report.conceptAccBefore(),
                report.conceptAccAfter(), report.otherAccBefore(), report.otherAccAfter(),
                report.conceptAccUnderAttackAfter(), overhead, attacks.probeAccAfter(), attacks.probeChance(),
                attacks.relearnAccK10(), attacks.relearnAccK100());
    }
}
