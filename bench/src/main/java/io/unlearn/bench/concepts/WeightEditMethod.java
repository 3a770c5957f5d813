package io.unlearn.bench.concepts;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removal by editing the weights with methods of {@link UnlearningMethods}: the forget set is every training sample of
 * the concept's classes, the retain set every other training sample (used by the methods that have a retain term:
 * {@code rl} trains on it beside the relabelled concept samples, {@code neggrad+} descends on it while ascending on
 * the concept). Each method × learning rate is run with the method's other defaults and the benchmark's seed; the
 * {@link CalibrationRule} picks one on the calibration half. With the single method {@code ga} (gradient ascent on
 * the concept only, no retain term) this is the benchmark's {@code ga} row.
 */
final class WeightEditMethod {

    /**
     * One run to try.
     *
     * @param method a name of {@link UnlearningMethods}
     * @param learningRate its {@code lr}
     */
    record Setting(String method, double learningRate) {
    }

    private WeightEditMethod() {
    }

    /**
     * @param methods method names (e.g. {@code rl, neggrad+}); several are tried against each other
     * @param learningRates learning rates tried with every method
     * @return the settings, method by method (the order ties are broken in)
     */
    static List<Setting> grid(List<String> methods, List<Double> learningRates) {
        List<Setting> out = new ArrayList<>();
        methods.forEach(m -> learningRates.forEach(lr -> out.add(new Setting(m, lr))));
        return out;
    }

    static Removal build(Classifier original, UnlearnDataset data, ConceptCase c, DataView calibration,
            List<Setting> settings, double maxOtherDrop, long seed, ProgressListener listener) {
        long t0 = System.nanoTime();
        List<String> forget = new ArrayList<>();
        c.classes().forEach(label -> forget.addAll(data.classIds(label)));
        CalibrationRule rule = CalibrationRule.against(InferenceModel.of(original), calibration, c.classes(),
                maxOtherDrop);
        boolean oneMethod = settings.stream().map(Setting::method).distinct().count() == 1;
        SettingSearch.Pick<Setting, Classifier> best = SettingSearch.best(settings, s -> {
            UnlearningTask task = UnlearningTask.builder().setModel(original).setDataset(data).setForgetIds(forget)
                    .optHyperparameters(Map.of("lr", s.learningRate())).optSeed(seed).build();
            return UnlearningMethods.byName(s.method()).unlearn(task, listener).model();
        }, m -> CalibrationRule.score(InferenceModel.of(m), calibration, c.classes()), rule);
        Setting s = best.setting();
        String choice = (oneMethod ? "" : s.method() + " ") + "lr=" + s.learningRate();
        return new Removal(InferenceModel.of(best.model()), choice, best.score().conceptAcc(),
                best.score().otherAcc(), (System.nanoTime() - t0) / 1e9, true, best.model());
    }
}
