package io.unlearn.ml.suppression;

import io.unlearn.ml.data.DataView;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Seeded draws of concept and non-concept samples, shared by {@link ConceptProbe} and {@link RelearningAttack}, and
 * the concept accuracy both attacks report.
 */
final class ConceptDraws {

    private ConceptDraws() {
    }

    /**
     * @param membership per position, whether the sample belongs to the concept
     * @param in which side to draw: concept samples (true) or the others (false)
     * @param n the most positions to draw
     * @param random the draw's source (a Fisher–Yates shuffle of the side's positions, then its first n)
     * @return up to n positions of that side in drawn order; a draw of n is a prefix of a draw of more with the same
     *     random state, so a seeded attack with k = 10 uses the first 10 samples of the k = 100 one
     */
    static int[] draw(boolean[] membership, boolean in, int n, Random random) {
        int[] side = IntStream.range(0, membership.length).filter(i -> membership[i] == in).toArray();
        for (int i = side.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = side[i];
            side[i] = side[j];
            side[j] = t;
        }
        return Arrays.copyOf(side, Math.min(n, side.length));
    }

    /**
     * @param view samples
     * @param positions positions into the view
     * @return the samples at those positions, in that order
     */
    static DataView subview(DataView view, int[] positions) {
        return DataView.of(view.source(), IntStream.of(positions).map(view::row).toArray());
    }

    /**
     * @param predicted predicted classes
     * @param conceptClasses the classes that count as the concept
     * @return the share of predictions that name one of the concept's classes, in percent (0 for none)
     */
    static double conceptAccuracy(int[] predicted, Set<Integer> conceptClasses) {
        long hit = IntStream.of(predicted).filter(conceptClasses::contains).count();
        return 100.0 * hit / Math.max(1, predicted.length);
    }
}
