package io.unlearn.ml.worstcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Architecture;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorstCaseSearchTest {

    private static final int NOISE = 300;
    private static final int PROTOTYPES = 4;
    private static final int COPIES = 5;
    private static final int PLANTED = PROTOTYPES * COPIES;

    private static UnlearnDataset data;
    private static Classifier original;

    @BeforeAll
    static void trainOnPlantedData() {
        data = ToyData.planted(NOISE, PROTOTYPES, COPIES, 7);
        ModelSpec spec = new ModelSpec(Architecture.MLP, List.of((long) ToyData.D), 2, List.of(16),
                TrainingSpec.builder().optEpochs(15).optBatchSize(32).optLearningRate(1e-2).optSeed(5).build());
        original = ModelTraining.trainNew(spec, data.train(), ai.djl.Device.cpu(), ProgressListener.NONE).model();
    }

    @AfterAll
    static void close() {
        original.close();
    }

    private static WorstCaseSearch.Builder quick() {
        return WorstCaseSearch.builder().setForgetSize(PLANTED).optOuterSteps(4).optInnerEpochs(2).optBatchSize(32)
                .optSeed(11);
    }

    @Test
    void theWorstCaseSetIsThePlantedDuplicatesAndTheEasiestAvoidsThem() {
        Set<String> planted = ToyData.plantedIds(NOISE, PROTOTYPES, COPIES);
        assertThat(planted).hasSize(PLANTED);
        String sha = original.sha256();
        List<ProgressEvent> events = new ArrayList<>();
        WorstCaseForgetSet worst = quick().build().search(original, data, events::add);
        assertThat(worst.ids()).containsExactlyInAnyOrderElementsOf(planted);
        assertThat(worst.mode()).isEqualTo(SearchMode.WORST);
        assertThat(worst.modelVersion()).isEqualTo(sha);
        assertThat(worst.method()).isEqualTo("ft");
        assertThat(worst.poolSize()).isEqualTo(NOISE + PLANTED);
        assertThat(worst.scores()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(worst.cost().lowerLevelEpochs()).isEqualTo(8);
        assertThat(worst.cost().samplesTrained()).isEqualTo(8L * (NOISE + PLANTED));
        assertThat(worst.cost().seconds()).isPositive();
        assertThat(events).extracting(ProgressEvent::step).containsExactly(1, 2, 3, 4);
        assertThat(events).allSatisfy(e -> assertThat(e.stage()).isEqualTo("worstcase/worst"));
        // selected samples are fitted better than the pool on average at every step
        assertThat(events).allSatisfy(e -> assertThat(e.value("selectedLoss")).isLessThan(e.value("meanLoss")));
        assertThat(original.sha256()).as("the original model is untouched").isEqualTo(sha);

        WorstCaseForgetSet easiest = quick().optMode(SearchMode.EASIEST).build().search(original, data,
                ProgressListener.NONE);
        assertThat(easiest.ids()).hasSize(PLANTED).doesNotContainAnyElementsOf(planted);
    }

    @Test
    void theSameSeedGivesTheSameSetAndBinarisingKeepsItFeasible() {
        WorstCaseSearch search = quick().optBinariseEvery(2).optInit(WorstCaseSearch.Init.RANDOM_SUBSET)
                .optWeightLr(0.05).optPoolSize(150).optModelVersion("v7").optMethod("l1-sparse").build();
        WorstCaseForgetSet a = search.search(original, data, ProgressListener.NONE);
        WorstCaseForgetSet b = search.search(original, data, ProgressListener.NONE);
        assertThat(a).usingRecursiveComparison().ignoringFields("cost.seconds").isEqualTo(b);
        assertThat(a.digest()).isEqualTo(WorstCaseForgetSet.digestOf(b.ids()));
        assertThat(a.poolSize()).isEqualTo(150);
        assertThat(a.modelVersion()).isEqualTo("v7");
        assertThat(a.method()).isEqualTo("l1-sparse");
        assertThat(a.settings()).containsEntry("random_subset_init", 1.0).containsEntry("weight_lr", 0.05);
    }

    @Test
    void badInputsGiveClearErrors() {
        assertThatThrownBy(() -> WorstCaseSearch.builder().build()).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("setForgetSize(m)");
        assertThatThrownBy(() -> WorstCaseSearch.builder().setForgetSize(0).optInnerEpochs(0).optWeightLr(-1).build())
                .isInstanceOf(UnlearnException.class).hasMessageContaining("forget-set size must be at least 1, was 0")
                .hasMessageContaining("inner epochs K must be at least 1, was 0")
                .hasMessageContaining("weight lr η must be > 0, was -1.0");
        assertThatThrownBy(() -> WorstCaseSearch.builder().setForgetSize(100).optPoolSize(100).build())
                .isInstanceOf(UnlearnException.class).hasMessageContaining("must be smaller than the pool size 100");
        WorstCaseSearch tooMany = WorstCaseSearch.builder().setForgetSize(NOISE + PLANTED).build();
        assertThatThrownBy(() -> tooMany.search(original, data, ProgressListener.NONE))
                .isInstanceOf(UnlearnException.class)
                .hasMessageContaining("smaller than the candidate pool (" + (NOISE + PLANTED) + " samples)");
        UnlearnDataset empty = new UnlearnDataset(data.train().slice(0, 0), data.test());
        assertThatThrownBy(() -> quick().build().search(original, empty, ProgressListener.NONE))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("candidate pool is empty");
        UnlearnDataset wrongShape = io.unlearn.ml.TestData.blobs(40, 4, 1, false);
        assertThatThrownBy(() -> quick().build().search(original, wrongShape, ProgressListener.NONE))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("the model expects inputs [8]");
    }
}
