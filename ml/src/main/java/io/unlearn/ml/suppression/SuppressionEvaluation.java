package io.unlearn.ml.suppression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a concept removal (an SAE-suppressed model, or any other model such as a gradient-ascent baseline)
 * against the original: see {@link SuppressionReport}. Build with {@link #builder()}; {@code set*} required.
 */
public final class SuppressionEvaluation {

    private final Builder b;

    private SuppressionEvaluation(Builder b) {
        this.b = b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the measurements */
    public SuppressionReport run() {
        double cb = conceptAcc(b.before.predict(b.conceptView), b.conceptView);
        double ca = conceptAcc(b.after.predict(b.conceptView), b.conceptView);
        double ob = accuracy(b.before.predict(b.otherView), b.otherView);
        double oa = accuracy(b.after.predict(b.otherView), b.otherView);
        DataView conceptSub = head(b.conceptView, b.attackSamples);
        DataView otherSub = head(b.otherView, b.attackSamples);
        double cab = conceptAcc(attacked(b.before, conceptSub, Attacks.Goal.ELICIT), conceptSub);
        double caa = conceptAcc(attacked(b.after, conceptSub, Attacks.Goal.ELICIT), conceptSub);
        double oab = accuracy(attacked(b.before, otherSub, Attacks.Goal.EVADE), otherSub);
        double oaa = accuracy(attacked(b.after, otherSub, Attacks.Goal.EVADE), otherSub);
        double[] ms = InferenceTiming.msPerSample(b.before, b.after, head(b.otherView, b.timingSamples), b.repeats);
        return new SuppressionReport(cb, ca, ob, oa, cab, caa, oab, oaa, b.attack, ms[0], ms[1],
                100 * (ms[1] / ms[0] - 1));
    }

    private int[] attacked(InferenceModel model, DataView view, Attacks.Goal goal) {
        int[] out = new int[view.size()];
        int[] positions = view.positions();
        for (int from = 0; from < view.size(); from += 250) {
            int to = Math.min(view.size(), from + 250);
            try (NDManager m = model.base().newManager()) {
                NDArray x = view.features(m, positions, from, to);
                NDArray adv = Attacks.perturb(model, x, attackLabels(m, view, positions, from, to, goal), b.attack,
                        goal);
                System.arraycopy(Classifier.predictedClasses(model.logits(m, adv)), 0, out, from, to - from);
            }
        }
        return out;
    }

    /** The labels an attack aims at (ELICIT) or away from (EVADE): the true ones unless an elicited class is set. */
    private NDArray attackLabels(NDManager m, DataView view, int[] positions, int from, int to, Attacks.Goal goal) {
        if (goal == Attacks.Goal.ELICIT && b.elicitedClass != null) {
            long[] target = new long[to - from];
            java.util.Arrays.fill(target, b.elicitedClass);
            return m.create(target);
        }
        return view.labels(m, positions, from, to);
    }

    private double conceptAcc(int[] predicted, DataView view) {
        int hit = 0;
        for (int p : predicted) {
            hit += b.conceptClasses.contains(p) ? 1 : 0;
        }
        return 100.0 * hit / Math.max(1, predicted.length);
    }

    private static double accuracy(int[] predicted, DataView view) {
        int hit = 0;
        for (int i = 0; i < predicted.length; i++) {
            hit += predicted[i] == view.label(i) ? 1 : 0;
        }
        return 100.0 * hit / Math.max(1, predicted.length);
    }

    private static DataView head(DataView view, int n) {
        return view.slice(0, Math.min(n, view.size()));
    }

    /** Builder: {@code set*} required, {@code opt*} optional. */
    public static final class Builder {
        private InferenceModel before;
        private InferenceModel after;
        private DataView conceptView;
        private DataView otherView;
        private Set<Integer> conceptClasses;
        private AttackSpec attack = AttackSpec.pgd(0.03, 10);
        private int attackSamples = 500;
        private int timingSamples = 1000;
        private int repeats = 7;
        private Integer elicitedClass;

        /** @param v the original model @return this */
        public Builder setBefore(InferenceModel v) { before = v; return this; }
        /** @param v the model with the concept removed @return this */
        public Builder setAfter(InferenceModel v) { after = v; return this; }
        /** @param v concept samples (e.g. test samples of the concept's classes) @return this */
        public Builder setConceptView(DataView v) { conceptView = v; return this; }
        /** @param v non-concept samples @return this */
        public Builder setOtherView(DataView v) { otherView = v; return this; }
        /** @param v the classes that count as "still the concept" @return this */
        public Builder setConceptClasses(Set<Integer> v) { conceptClasses = v; return this; }
        /** @param v the attack (default PGD ε 0.03, 10 steps) @return this */
        public Builder optAttack(AttackSpec v) { attack = v; return this; }
        /** @param v samples per side attacked (default 500; attacks cost steps × a backward pass) @return this */
        public Builder optAttackSamples(int v) { attackSamples = v; return this; }
        /** @param v samples timed for the overhead (default 1000) @return this */
        public Builder optTimingSamples(int v) { timingSamples = v; return this; }
        /** @param v timing repeats, best taken (default 7) @return this */
        public Builder optRepeats(int v) { repeats = v; return this; }
        /**
         * @param v the class the attack on concept samples elicits, for a concept whose samples' true labels are not
         *     the concept's class (a stamp whose effect is the target class); default null: each sample's own label
         * @return this
         */
        public Builder optElicitedClass(Integer v) { elicitedClass = v; return this; }

        /** @return the checked evaluation */
        public SuppressionEvaluation build() {
            List<String> p = new ArrayList<>();
            if (before == null) { p.add("setBefore(original model)"); }
            if (after == null) { p.add("setAfter(model with the concept removed)"); }
            if (conceptView == null || conceptView.isEmpty()) { p.add("setConceptView(non-empty view)"); }
            if (otherView == null || otherView.isEmpty()) { p.add("setOtherView(non-empty view)"); }
            if (conceptClasses == null || conceptClasses.isEmpty()) { p.add("setConceptClasses(non-empty set)"); }
            if (attack == null) { p.add("optAttack(non-null)"); }
            if (elicitedClass != null && conceptClasses != null && !conceptClasses.contains(elicitedClass)) {
                p.add("optElicitedClass(one of the concept classes " + conceptClasses + ", was " + elicitedClass + ")");
            }
            if (attackSamples < 1 || timingSamples < 1 || repeats < 1) {
                p.add("attackSamples, timingSamples and repeats must be >= 1, were " + attackSamples + ", "
                        + timingSamples + ", " + repeats);
            }
            if (!p.isEmpty()) {
                throw new UnlearnException("SuppressionEvaluation needs " + String.join(", ", p));
            }
            return new SuppressionEvaluation(this);
        }
    }
}
