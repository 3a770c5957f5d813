package io.unlearn.ml.worstcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Architecture;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChallengeSetsTest {

    private static final int M = 20;
    private static final int POOL = 200;

    private static UnlearnDataset data;
    private static Classifier original;

    @BeforeAll
    static void trainOnPlantedData() {
        data = ToyData.planted(300, 4, 5, 7);
        ModelSpec spec = new ModelSpec(Architecture.MLP, List.of((long) ToyData.D), 2, List.of(16),
                TrainingSpec.builder().optEpochs(15).optBatchSize(32).optLearningRate(1e-2).optSeed(5).build());
        original = ModelTraining.trainNew(spec, data.train(), ai.djl.Device.cpu(), ProgressListener.NONE).model();
    }

    @AfterAll
    static void close() {
        original.close();
    }

    private static ChallengeSets.Builder of(ForgetSetKind kind) {
        return ChallengeSets.builder().setForgetSize(M).optKind(kind).optPoolSize(POOL).optSeed(3).optMethod("rl");
    }

    @Test
    void aRandomSetIsASeededDrawFromThePool() {
        WorstCaseForgetSet a = of(ForgetSetKind.RANDOM).build().choose(original, data, ProgressListener.NONE);
        WorstCaseForgetSet again = of(ForgetSetKind.RANDOM).build().choose(original, data, ProgressListener.NONE);
        WorstCaseForgetSet other = of(ForgetSetKind.RANDOM).optSeed(4).build().choose(original, data,
                ProgressListener.NONE);
        assertThat(a.kind()).isEqualTo(ForgetSetKind.RANDOM);
        assertThat(a.ids()).hasSize(M).isEqualTo(again.ids()).isNotEqualTo(other.ids());
        assertThat(CandidatePool.stratified(data.train(), POOL, 3).ids()).containsAll(a.ids());
        assertThat(a.method()).isEqualTo("rl");
        assertThat(a.poolSize()).isEqualTo(POOL);
        assertThat(a.lowerLevel()).isNull();
        assertThat(a.modelVersion()).isEqualTo(original.sha256());
    }

    @Test
    void theLowestLossSetHoldsTheMPoolSamplesTheModelFitsBest() {
        WorstCaseForgetSet set = of(ForgetSetKind.LOWEST_LOSS).optModelVersion("v3").build().choose(original, data,
                ProgressListener.NONE);
        DataView pool = CandidatePool.stratified(data.train(), POOL, 3);
        Predictions p = Predictor.predict(original, pool);
        Set<String> chosen = new HashSet<>(set.ids());
        double worstChosen = Double.NEGATIVE_INFINITY;
        double bestOther = Double.POSITIVE_INFINITY;
        for (int i = 0; i < pool.size(); i++) {
            if (chosen.contains(pool.id(i))) {
                worstChosen = Math.max(worstChosen, p.loss()[i]);
            } else {
                bestOther = Math.min(bestOther, p.loss()[i]);
            }
        }
        assertThat(set.kind()).isEqualTo(ForgetSetKind.LOWEST_LOSS);
        assertThat(set.ids()).hasSize(M);
        assertThat(worstChosen).isLessThanOrEqualTo(bestOther);
        double limit = worstChosen;
        assertThat(set.scores()).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(limit));
        assertThat(set.modelVersion()).isEqualTo("v3");
        assertThat(WorstCaseForgetSet.fromJson(set.toJson())).isEqualTo(set);
    }

    @Test
    void theWorstSetIsTheSearchWithTheGivenSteps() {
        WorstCaseForgetSet set = of(ForgetSetKind.WORST).optMethod("ft").optOuterSteps(2).optInnerEpochs(1).build()
                .choose(original, data, ProgressListener.NONE);
        assertThat(set.kind()).isEqualTo(ForgetSetKind.WORST);
        assertThat(set.ids()).hasSize(M);
        assertThat(set.cost().outerSteps()).isEqualTo(2);
        assertThat(set.cost().lowerLevelEpochs()).isEqualTo(2);
        assertThat(set.lowerLevel()).isEqualTo("ft");
    }

    @Test
    void badSettingsAreListedAtOnce() {
        assertThatThrownBy(() -> ChallengeSets.builder().build()).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("setForgetSize(m)");
        assertThatThrownBy(() -> ChallengeSets.builder().setForgetSize(10).optPoolSize(10).optKind(null)
                .optMethod(" ").optOuterSteps(0).build()).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("smaller than the pool size 10").hasMessageContaining("kind must be one of")
                .hasMessageContaining("method must name").hasMessageContaining("outer steps must be at least 1, was 0");
        ChallengeSets tooMany = ChallengeSets.builder().setForgetSize(320).optKind(ForgetSetKind.RANDOM).build();
        assertThatThrownBy(() -> tooMany.choose(original, data, ProgressListener.NONE))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("smaller than the candidate pool (320");
        UnlearnDataset wrongShape = io.unlearn.ml.TestData.blobs(40, 4, 1, false);
        assertThatThrownBy(() -> of(ForgetSetKind.LOWEST_LOSS).build().choose(original, wrongShape,
                ProgressListener.NONE)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("the model expects inputs [8]");
    }
}
