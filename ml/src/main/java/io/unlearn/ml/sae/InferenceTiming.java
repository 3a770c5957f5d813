package io.unlearn.ml.sae;

import io.unlearn.ml.data.DataView;

/** Times two models on the same samples, interleaved, after a warm-up; best of the repeats (robust to noise). */
final class InferenceTiming {

    private InferenceTiming() {
    }

    /**
     * @return {@code [before, after]} in ms per sample
     */
    static double[] msPerSample(InferenceModel before, InferenceModel after, DataView view, int repeats) {
        before.predict(view);
        after.predict(view);
        double best0 = Double.MAX_VALUE;
        double best1 = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            before.predict(view);
            long t1 = System.nanoTime();
            after.predict(view);
            long t2 = System.nanoTime();
            best0 = Math.min(best0, (t1 - t0) / 1e6 / view.size());
            best1 = Math.min(best1, (t2 - t1) / 1e6 / view.size());
        }
        return new double[] {best0, best1};
    }
}
