package io.unlearn.bench.concepts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Does a method take the concept out of the representation where the logit mask only hides it? Compares a method's
 * rows with the mask's rows of the same concept: on how many concepts its probe accuracy and its relearning
 * accuracies (k = 10 and 100) are lower than the mask's. Concepts without a mask row, or with a figure not measured
 * (NaN), are left out of the counts.
 *
 * @param concepts concepts with both rows and every figure measured
 * @param probeLower of those, how many have a lower probe accuracy than the mask
 * @param relearnK10Lower how many have a lower relearning accuracy with 10 concept samples
 * @param relearnK100Lower how many have a lower relearning accuracy with 100 concept samples
 */
record MaskComparison(int concepts, int probeLower, int relearnK10Lower, int relearnK100Lower) {

    /**
     * @param method the rows of one method
     * @param all every row (the mask's among them)
     * @return the comparison with the mask, concept by concept
     */
    static MaskComparison of(List<ConceptRow> method, List<ConceptRow> all) {
        int n = 0;
        int probe = 0;
        int k10 = 0;
        int k100 = 0;
        for (ConceptRow row : method) {
            Optional<ConceptRow> mask = all.stream().filter(x -> x.method().equals(ConceptsReport.MASK)
                    && x.concept().equals(row.concept()) && x.kind().equals(row.kind())).findFirst();
            if (mask.isEmpty() || !measured(row) || !measured(mask.get())) {
                continue;
            }
            n++;
            probe += lower(row, mask.get(), ConceptRow::probeAccAfter);
            k10 += lower(row, mask.get(), ConceptRow::relearnAccK10);
            k100 += lower(row, mask.get(), ConceptRow::relearnAccK100);
        }
        return new MaskComparison(n, probe, k10, k100);
    }

    /** @return e.g. {@code ; below the mask on probe for 3, relearn k10 for 5, k100 for 2 of 14 concepts} */
    String sentence() {
        return concepts == 0 ? "; no mask row to compare with" : String.format(Locale.ROOT,
                "; beats the mask (lower accuracy) on probe for %d, relearn k10 for %d, relearn k100 for %d of %d"
                        + " concepts", probeLower, relearnK10Lower, relearnK100Lower, concepts);
    }

    private static boolean measured(ConceptRow r) {
        return !Double.isNaN(r.probeAccAfter()) && !Double.isNaN(r.relearnAccK10()) && !Double.isNaN(r.relearnAccK100());
    }

    private static int lower(ConceptRow row, ConceptRow mask, ToDoubleFunction<ConceptRow> figure) {
        return figure.applyAsDouble(row) < figure.applyAsDouble(mask) ? 1 : 0;
    }
}
