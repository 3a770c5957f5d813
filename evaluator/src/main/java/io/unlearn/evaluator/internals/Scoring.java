package io.unlearn.evaluator.internals;

import io.unlearn.evaluator.ForgettingGate;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.MiaEfficacy;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Classifier;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Scores a model on a forget set (inference only, no training lock needed). RA is measured on a retain sample
 * (the first N training samples outside {@code excluded}); the test set is split in halves: the first half is
 * the SVM attack's non-member shadow set (members: the retain sample), the second half is held out and scored by the
 * same attack as a reference for what an exact retrain would show on the forget set. The forgetting gate's non-member
 * reference (ForgettingGate.nonMemberReference) holds samples no version of any lineage trained on. Public for
 * {@link io.unlearn.evaluator.ChallengeTrial}, which scores a challenge's models the same way.
 */
public final class Scoring {
    private Scoring() {
    }

    /** The samples one scoring pass looks at. */
    public record Views(DataView forget, DataView retain, DataView testShadow, DataView testHeldOut, DataView nonMembers) {
    }

    /**
     * MIA values are NaN and {@code outputs} null when not asked for; {@code test} holds the predictions on both test
     * halves, for TA over a subset of the classes.
     */
    public record Scores(double ua, double ra, double ta, double mia, double miaReference, ForgettingGate.ModelOutputs outputs,
                         List<Predictions> test) {
        /**
         * TA (percent) over the test samples whose class is not in {@code classes}: a lineage that removed whole classes
         * is judged on the classes it keeps, since a model retrained without a class scores 0 on it by design.
         */
        public double taWithout(Set<Integer> classes) {
            int hits = 0;
            int n = 0;
            for (Predictions p : test) {
                for (int i = 0; i < p.size(); i++) {
                    if (!classes.contains(p.labels()[i])) {
                        n++;
                        hits += p.predicted()[i] == p.labels()[i] ? 1 : 0;
                    }
                }
            }
            return n == 0 ? Double.NaN : 100.0 * hits / n;
        }
    }

    /**
     * @throws io.unlearn.ml.UnlearnException when the forget set holds ids unknown to the dataset (another dataset.limit)
     */
    public static Views views(UnlearnDataset data, DataView nonMembers, Collection<String> forget, Set<String> excluded, int retainSample) {
        List<String> retain = data.train().ids().stream().filter(id -> !excluded.contains(id) && !forget.contains(id))
                .limit(retainSample).toList();
        ForgetSplit split = data.split(forget, retain);
        DataView test = data.test();
        int half = test.size() / 2;
        return new Views(split.forget(), split.retain(), test.slice(0, half), test.slice(half, test.size()), nonMembers);
    }

    static Views views(UnlearnDataset data, Collection<String> forget, Set<String> excluded, int retainSample) {
        return views(data, null, forget, excluded, retainSample);
    }

    /** @return UA, RA, TA (and, when asked, MIA and the gate's outputs) of {@code model} on {@code v} */
    public static Scores score(Classifier model, Views v, boolean withMia, long seed, int maxShadow) {
        Predictions f = Predictor.predict(model, v.forget());
        Predictions r = Predictor.predict(model, v.retain());
        Predictions ts = Predictor.predict(model, v.testShadow());
        Predictions th = Predictor.predict(model, v.testHeldOut());
        double ta = 100 * (ts.accuracy() * ts.size() + th.accuracy() * th.size()) / (ts.size() + th.size());
        if (!withMia) {
            return new Scores(100 * (1 - f.accuracy()), 100 * r.accuracy(), ta, Double.NaN, Double.NaN, null, List.of(ts, th));
        }
        MiaEfficacy.Attack attack = MiaEfficacy.attack(r, ts, seed, maxShadow);
        ForgettingGate.ModelOutputs outputs = v.nonMembers() == null ? null
                : new ForgettingGate.ModelOutputs(f, Predictor.predict(model, v.nonMembers()), attack);
        return new Scores(100 * (1 - f.accuracy()), 100 * r.accuracy(), ta, MiaEfficacy.efficacy(attack, f),
                MiaEfficacy.efficacy(attack, th), outputs, List.of(ts, th));
    }
}
