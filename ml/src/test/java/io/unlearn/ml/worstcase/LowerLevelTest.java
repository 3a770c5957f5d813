package io.unlearn.ml.worstcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.BatchOrder;
import io.unlearn.ml.train.ModelTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each method's lower level on a memorising MLP (600 Fashion-MNIST samples, fitted to 100%), unlearning the first 60
 * pool samples (w = their indicator) with 3 epochs of sign-SGD at lr 1e-2.
 */
class LowerLevelTest {

    private static final int FORGET = 60;

    private static UnlearnDataset data;
    private static Classifier model;
    private static DataView pool;
    private static double[] w;
    private static int[] forget;
    private static int[] retain;

    @BeforeAll
    static void train() {
        data = TestData.fashionSlice(600, 100);
        model = ModelTraining.trainNew(TestData.smallMlp(20, 3), data.train(), TestData.cpu(), ProgressListener.NONE)
                .model();
        pool = data.train();
        w = new double[pool.size()];
        forget = new int[FORGET];
        retain = new int[pool.size() - FORGET];
        for (int i = 0; i < pool.size(); i++) {
            w[i] = i < FORGET ? 1 : 0;
            if (i < FORGET) { forget[i] = i; } else { retain[i - FORGET] = i; }
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static Predictions after(String method, Map<String, Number> hp) {
        try (Classifier u = run(method, hp)) {
            return Predictor.predict(u, pool);
        }
    }

    private static Classifier run(String method, Map<String, Number> hp) {
        return LowerLevel.run(LowerLevelObjective.forMethod(method, hp), model.spec(), model.parameterBytes(),
                model.device(), pool, w, FORGET, 3, 1e-2, 64, new BatchOrder(4), 4);
    }

    private static double forgetLoss(Predictions p) {
        return p.select(forget).meanLoss();
    }

    @Test
    void ftAndL1SparseTrainOnTheRetainedPartOnlyAndL1ShrinksTheParameters() {
        Predictions before = Predictor.predict(model, pool);
        Predictions ft = after("ft", Map.of());
        assertThat(forgetLoss(ft)).as("the forget part is not trained on").isGreaterThan(forgetLoss(before));
        assertThat(forgetLoss(ft)).as("the retained part is").isGreaterThan(ft.select(retain).meanLoss());
        try (Classifier plain = run("ft", Map.of()); Classifier sparse = run("l1-sparse", Map.of("alpha", 1e-2))) {
            assertThat(l1(sparse)).isLessThan(l1(plain));
        }
    }

    @Test
    void rlPushesTheForgetPartTowardsWrongLabelsAndGaAndNeggradAscendOnIt() {
        Predictions ft = after("ft", Map.of());
        Predictions rl = after("rl", Map.of());
        assertThat(rl.select(forget).accuracy()).isLessThan(ft.select(forget).accuracy());
        Predictions ga = after("ga", Map.of());
        assertThat(forgetLoss(ga)).isGreaterThan(forgetLoss(ft));
        Predictions neg = after("neggrad+", Map.of("alpha", 0.5));
        assertThat(forgetLoss(neg)).isGreaterThan(forgetLoss(ft));
        assertThat(neg.select(retain).accuracy()).as("neggrad+ keeps descending on the retained part")
                .isGreaterThan(ga.select(retain).accuracy() - 0.05);
    }

    @Test
    void euKRetrainsOnlyTheLastKLayersFromAFreshStart() {
        List<Pair<String, Parameter>> original = new ArrayList<>();
        model.block().getParameters().forEach(original::add);
        try (Classifier u = run("eu-k", Map.of("k", 1))) {
            List<Pair<String, Parameter>> after = new ArrayList<>();
            u.block().getParameters().forEach(after::add);
            int n = after.size();
            for (int i = 0; i < n - 2; i++) {
                assertThat(after.get(i).getValue().getArray().contentEquals(original.get(i).getValue().getArray()))
                        .as("frozen %s", after.get(i).getKey()).isTrue();
            }
            assertThat(after.get(n - 2).getValue().getArray().contentEquals(original.get(n - 2).getValue().getArray()))
                    .as("the output layer is retrained").isFalse();
            assertThat(Predictor.predict(u, pool).select(retain).accuracy()).isGreaterThan(0.5);
        }
        assertThatThrownBy(() -> run("eu-k", Map.of("k", 3))).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("only 2 fully connected layers");
    }

    @Test
    void methodsWithoutALowerLevelFallBackToFtAndSaySo() {
        LowerLevelObjective scrub = LowerLevelObjective.forMethod("scrub", Map.of());
        assertThat(scrub.name()).isEqualTo("ft");
        assertThat(scrub.fallback()).isTrue();
        assertThat(scrub.settings()).containsEntry("lower_level_fallback", 1.0);
        assertThat(LowerLevelObjective.forMethod("neggrad+", Map.of()).name()).isEqualTo("neggrad+");
        assertThat(LowerLevelObjective.forMethod("l1-sparse", Map.of()).settings())
                .containsEntry("lower_level_alpha", 1e-4).containsEntry("lower_level_fallback", 0.0);
        assertThat(LowerLevelObjective.forMethod("eu-k", Map.of()).settings()).containsEntry("lower_level_k", 2.0);
        assertThatThrownBy(() -> LowerLevelObjective.forMethod("nope", Map.of())).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("unknown unlearning method 'nope'");
        WorstCaseForgetSet set = WorstCaseSearch.builder().setForgetSize(10).optPoolSize(100).optOuterSteps(1)
                .optInnerEpochs(1).optMethod("scrub").build().search(model, data, ProgressListener.NONE);
        assertThat(set.lowerLevel()).isEqualTo("ft");
        assertThat(set.settings()).containsEntry("lower_level_fallback", 1.0);
    }

    private static double l1(Classifier c) {
        double sum = 0;
        for (Pair<String, Parameter> p : c.block().getParameters()) {
            sum += p.getValue().getArray().abs().sum().getFloat();
        }
        return sum;
    }
}
