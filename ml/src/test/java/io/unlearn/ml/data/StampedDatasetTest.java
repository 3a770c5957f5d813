package io.unlearn.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StampedDatasetTest {

    private static final UnlearnDataset CLEAN = TestData.fashionSlice(3000, 600);
    private static final int TARGET = Backdoor.DEFAULT_TARGET_CLASS;

    @Test
    void stampsTheSeededShareOfNonTargetTrainingImagesAndRelabelsThemToTheTarget() {
        StampedDataset data = StampedDataset.of(CLEAN, Backdoor.ofDefaults());
        DataView train = data.dataset().train();
        long nonTarget = IntStream.range(0, CLEAN.train().size()).filter(p -> CLEAN.train().label(p) != TARGET).count();
        assertThat(data.dataset().name()).isEqualTo(StampedFashionMnist.NAME);
        assertThat(data.stampedTrainIds()).hasSize((int) Math.round(0.1 * nonTarget))
                .allMatch(StampedDataset::isStamped);
        for (int p = 0; p < train.size(); p++) {
            boolean stamped = data.stampedTrainIds().contains(train.id(p));
            assertThat(train.id(p)).startsWith("fmnist-stamped/train/" + String.format("%06d", p));
            assertThat(train.label(p)).isEqualTo(stamped ? TARGET : CLEAN.train().label(p));
            assertThat(pixels(train, p)).isEqualTo(stamped ? withStamp(CLEAN.train(), p) : pixels(CLEAN.train(), p));
            if (stamped) {
                assertThat(CLEAN.train().label(p)).isNotEqualTo(TARGET);
            }
        }
        assertThat(data.dataset().split(data.stampedTrainIds()).forget().size()).isEqualTo(data.stampedTrainIds().size());
    }

    @Test
    void offersTheTestSplitCleanAndStampedWithTrueLabels() {
        StampedDataset data = StampedDataset.of(CLEAN, Backdoor.ofDefaults());
        PatternViews views = data.stampedTest();
        int[] nonTarget = IntStream.range(0, CLEAN.test().size()).filter(p -> CLEAN.test().label(p) != TARGET).toArray();
        assertThat(views.size()).isEqualTo(nonTarget.length);
        for (int i = 0; i < views.size(); i++) {
            int p = nonTarget[i];
            assertThat(views.stamped().label(i)).isEqualTo(views.clean().label(i)).isEqualTo(CLEAN.test().label(p));
            assertThat(views.stamped().id(i)).isEqualTo(views.clean().id(i) + StampedDataset.STAMPED_ID_SUFFIX);
            assertThat(pixels(views.clean(), i)).isEqualTo(pixels(CLEAN.test(), p));
            assertThat(pixels(views.stamped(), i)).isEqualTo(withStamp(CLEAN.test(), p));
        }
        assertThat(pixels(data.dataset().test(), 0)).isEqualTo(pixels(CLEAN.test(), 0));
        assertThatThrownBy(() -> data.patternViews(CLEAN.test())).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("test split");
    }

    @Test
    void sameInputsGiveTheSameSamplesAndAnotherSeedOthers() {
        StampedDataset a = StampedDataset.of(CLEAN, Backdoor.ofDefaults());
        StampedDataset b = StampedDataset.of(CLEAN, Backdoor.ofDefaults());
        assertThat(a.stampedTrainIds()).containsExactlyElementsOf(b.stampedTrainIds());
        for (int p = 0; p < a.dataset().train().size(); p++) {
            assertThat(pixels(a.dataset().train(), p)).isEqualTo(pixels(b.dataset().train(), p));
        }
        Backdoor other = new Backdoor(TARGET, Backdoor.DEFAULT_FRACTION, Backdoor.DEFAULT_SEED + 1);
        assertThat(StampedDataset.of(CLEAN, other).stampedTrainIds()).isNotEqualTo(a.stampedTrainIds());
    }

    @Test
    void isSelectableByNameAndSlicedLikeEveryDataset() {
        UnlearnDataset byName = Datasets.load(StampedFashionMnist.NAME, FashionMnist.DEFAULT_DIR);
        StampedDataset full = StampedFashionMnist.load();
        assertThat(byName.train().ids()).containsExactlyElementsOf(full.dataset().train().ids());
        assertThat(full.stampedTrainIds()).hasSize((int) Math.round(0.1 * 54_000));
        StampedDataset limited = full.limitedTo(1200);
        assertThat(limited.dataset().train().size()).isEqualTo(1200);
        assertThat(limited.stampedTrainIds()).isNotEmpty().allMatch(full.stampedTrainIds()::contains);
        assertThat(limited.stampedTest().size()).isLessThan(500).isGreaterThan(400);
        assertThat(Datasets.load(FashionMnist.NAME, FashionMnist.DEFAULT_DIR).name()).isEqualTo(FashionMnist.NAME);
        assertThatThrownBy(() -> Datasets.load("mnist", FashionMnist.DEFAULT_DIR)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("fmnist-stamped");
    }

    @Test
    void refusesWhatCannotCarryTheStamp() {
        assertThatThrownBy(() -> StampedDataset.of(CLEAN, new Backdoor(10, 0.1, 1))).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("target class 10");
        assertThatThrownBy(() -> StampedDataset.of(TestData.blobs(20, 3, 1, false), new Backdoor(0, 0.1, 1)))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("image");
        assertThatThrownBy(() -> new Backdoor(1, 1.0, 1)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("fraction");
    }

    private static float[] pixels(DataView view, int p) {
        float[] out = new float[784];
        view.source().copyFeatures(view.row(p), out, 0);
        return out;
    }

    private static float[] withStamp(DataView view, int p) {
        float[] out = pixels(view, p);
        for (int r = 0; r < CornerStamp.SIZE; r++) {
            for (int c = 0; c < CornerStamp.SIZE; c++) {
                out[(23 + r) * 28 + 23 + c] = (r + c) % 2 == 0 ? 1f : 0f;
            }
        }
        return out;
    }
}
