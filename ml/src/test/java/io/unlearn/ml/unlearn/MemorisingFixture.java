package io.unlearn.ml.unlearn;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.InMemorySamples;
import io.unlearn.ml.data.SampleSource;
import io.unlearn.ml.data.Split;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Architecture;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A parent that has memorised its forget set, and Retrain's answer on the same set, built once per test JVM.
 *
 * <p>The first {@value #TRAIN} Fashion-MNIST training samples; every {@value #FORGET_EVERY}th one is a forget sample
 * whose label is replaced by a seeded wrong class, so nothing in the retain data teaches it: a model that predicts
 * it learned that very sample. The parent, an MLP trained {@value #EPOCHS} epochs, fits those labels (forget accuracy
 * near 100%); Retrain (the same recipe on the retain samples only) gets them near 0%. The gap between the two is
 * what an unlearning method must close.
 */
final class MemorisingFixture {

    static final int TRAIN = 600;
    static final int FORGET_EVERY = 10;
    static final int EPOCHS = 60;
    static final long SEED = 7;

    private static MemorisingFixture instance;

    final UnlearnDataset data;
    final List<String> forgetIds;
    final Classifier parent;
    final Accuracies parentAcc;
    final Accuracies retrainAcc;

    /** Forget, retain and test accuracy of one model, in [0, 1]. */
    record Accuracies(double forget, double retain, double test) {
    }

    private MemorisingFixture() {
        data = relabelled(TestData.fashionSlice(TRAIN, 500));
        forgetIds = new ArrayList<>();
        for (int i = 0; i < TRAIN; i += FORGET_EVERY) {
            forgetIds.add(data.train().id(i));
        }
        TrainingSpec recipe = TrainingSpec.builder().optEpochs(EPOCHS).optBatchSize(32).optLearningRate(1e-3)
                .optSeed(SEED).build();
        ModelSpec spec = new ModelSpec(Architecture.MLP, List.of(1L, 28L, 28L), 10, List.of(256), recipe);
        parent = ModelTraining.trainNew(spec, data.train(), TestData.cpu(), ProgressListener.NONE).model();
        parentAcc = accuracies(parent);
        try (UnlearningResult retrain = run("retrain", Map.of())) {
            retrainAcc = accuracies(retrain.model());
        }
    }

    /** @return the fixture, trained on first use */
    static synchronized MemorisingFixture get() {
        if (instance == null) {
            instance = new MemorisingFixture();
        }
        return instance;
    }

    /**
     * @param method a method name
     * @param overrides hyperparameter overrides
     * @return the method's result on the fixture's forget set, seeded
     */
    UnlearningResult run(String method, Map<String, ? extends Number> overrides) {
        UnlearningTask task = UnlearningTask.builder().setModel(parent).setDataset(data).setForgetIds(forgetIds)
                .optHyperparameters(overrides).optSeed(SEED).build();
        return UnlearningMethods.byName(method).unlearn(task, ProgressListener.NONE);
    }

    /** @return forget, retain and test accuracy of {@code model} on this fixture */
    Accuracies accuracies(Classifier model) {
        var split = data.split(forgetIds);
        return new Accuracies(Predictor.predict(model, split.forget()).accuracy(),
                Predictor.predict(model, split.retain()).accuracy(), Predictor.predict(model, data.test()).accuracy());
    }

    private static UnlearnDataset relabelled(UnlearnDataset slice) {
        DataView train = slice.train();
        SampleSource src = train.source();
        int n = train.size();
        int width = Math.toIntExact(src.sampleShape().size());
        float[] x = new float[n * width];
        int[] y = new int[n];
        String[] ids = new String[n];
        String[] subjects = new String[n];
        Random r = new Random(SEED);
        for (int i = 0; i < n; i++) {
            src.copyFeatures(train.row(i), x, i * width);
            ids[i] = train.id(i);
            subjects[i] = src.subject(train.row(i));
            int label = train.label(i);
            y[i] = i % FORGET_EVERY == 0 ? (label + 1 + r.nextInt(src.numClasses() - 1)) % src.numClasses() : label;
        }
        InMemorySamples relabelled = new InMemorySamples(src.name(), Split.TRAIN, src.sampleShape(), src.classNames(),
                ids, subjects, y, x);
        return new UnlearnDataset(DataView.all(relabelled), slice.test());
    }
}
