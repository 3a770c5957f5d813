package io.unlearn.ml.worstcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.MembershipAttacks;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.Predictor;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.ModelTraining;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateHardestTest {

    @Test
    void afterTheMethodTheGateHardestSetIsMoreDetectableThanARandomOne() {
        UnlearnDataset data = TestData.fashionSlice(600, 400);
        // the first half of the test view chooses the set, the second half judges it: no selection bias in the check
        DataView chooseWith = data.test().slice(0, 200);
        DataView judgeWith = data.test().slice(200, 400);
        try (Classifier model = ModelTraining.trainNew(TestData.smallMlp(12, 3), data.train(), TestData.cpu(),
                ProgressListener.NONE).model()) {
            ChallengeSets.Builder b = ChallengeSets.builder().setForgetSize(30).optMethod("ft")
                    .optHyperparameters(Map.of("epochs", 1)).optSeed(5).optNonMembers(chooseWith);
            WorstCaseForgetSet hardest = b.optKind(ForgetSetKind.GATE_HARDEST).build().choose(model, data,
                    ProgressListener.NONE);
            WorstCaseForgetSet random = b.optKind(ForgetSetKind.RANDOM).build().choose(model, data,
                    ProgressListener.NONE);
            assertThat(hardest.kind()).isEqualTo(ForgetSetKind.GATE_HARDEST);
            assertThat(hardest.ids()).hasSize(30);
            assertThat(hardest.settings()).containsEntry("candidates", 90.0).containsEntry("non_members", 200.0);
            assertThat(hardest.scores()).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
            double hard = advantageAfterFt(model, data, hardest.ids(), judgeWith);
            double rand = advantageAfterFt(model, data, random.ids(), judgeWith);
            assertThat(hard).as("gate-hardest %s vs random %s", hard, rand).isGreaterThan(rand + 20);
        }
    }

    private static double advantageAfterFt(Classifier model, UnlearnDataset data, List<String> forget,
            DataView nonMembers) {
        UnlearningTask task = UnlearningTask.builder().setModel(model).setDataset(data).setForgetIds(forget)
                .optHyperparameters(Map.of("epochs", 1)).optSeed(5).build();
        try (UnlearningResult r = UnlearningMethods.byName("ft").unlearn(task, ProgressListener.NONE)) {
            Predictions members = Predictor.predict(r.model(), task.split().forget());
            return MembershipAttacks.loss(members, Predictor.predict(r.model(), nonMembers)).advantage();
        }
    }

    @Test
    void aCandidateScoresTheShareOfSameClassNonMembersItExceeds() {
        Predictions members = new Predictions(new float[2], new float[2], new int[2], new int[] {0, 1},
                new float[] {2f, 0f});
        Predictions nonMembers = new Predictions(new float[4], new float[4], new int[4], new int[] {0, 0, 1, 1},
                new float[] {1f, 3f, 0f, -1f});
        assertThat(GateHardest.scores(members, nonMembers)).containsExactly(0.5, 0.75);
        Predictions classTwo = new Predictions(new float[1], new float[1], new int[1], new int[] {2}, new float[1]);
        assertThatThrownBy(() -> GateHardest.scores(classTwo, nonMembers)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("no non-member of its class");
    }
}
