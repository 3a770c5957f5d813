package io.unlearn.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.ChallengeVerdict;
import io.unlearn.ml.GradMode;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.ModelTraining;
import io.unlearn.ml.worstcase.ForgetSetKind;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The challenge's engine core on a real model: an MLP that memorised 800 Fashion-MNIST samples, a random challenge set of
 * 200 chosen through {@link ChallengeSetChoice}, Retrain computed once as the reference. Retrain as the version's method
 * matches its reference exactly and passes; gradient ascent at its default rate (a near no-op) leaves the set as
 * detectable as the parent did, beyond what Retrain shows, and fails.
 */
class ChallengeTrialTest {
    private static final ProgressListener QUIET = e -> { };
    private static final ChallengeTrial.Settings SETTINGS = new ChallengeTrial.Settings(7, 500, 300, 0);
    private static UnlearnDataset data;
    private static DataView nonMembers;
    private static Classifier base;
    private static WorstCaseForgetSet set;
    private static ChallengeTrial.Reference retrain;

    @BeforeAll
    static void memorisingBaseAndItsReference() {
        GradMode.disableOnThisThread();
        UnlearnDataset whole = TestData.fashionMnist();
        data = whole.limitedTo(800);
        nonMembers = ForgettingGate.nonMemberReference(whole, data);
        base = ModelTraining.trainNew(TestData.smallMlp(40, 3), data.train(), TestData.cpu(), QUIET).model();
        set = new ChallengeSetChoice(ForgetSetKind.RANDOM, 0, 1, 1, 7).choose(base, data, nonMembers, 200, "ga", Map.of(), "m@v1", QUIET);
        retrain = ChallengeTrial.retrain(base, data, nonMembers, set.ids(), SETTINGS, QUIET);
    }

    @AfterAll
    static void close() {
        base.close();
    }

    private static ChallengeTrial.Outcome trial(String method, Map<String, Number> hp) {
        return ChallengeTrial.run(base, data, nonMembers, set.ids(), method, hp, EvaluationPolicy.ofDefaults().gate("m"), SETTINGS,
                retrain, QUIET);
    }

    @Test
    void theSetIsChosenAsAskedAndTheReferenceIsRetrainOnIt() {
        assertThat(set.size()).isEqualTo(200);
        assertThat(set.kind()).isEqualTo(ForgetSetKind.RANDOM);
        assertThat(retrain.metrics().ua()).as("a model that never saw the set misclassifies some of it").isGreaterThan(5.0);
    }

    @Test
    void retrainAsTheMethodMatchesItsReferenceAndPasses() {
        ChallengeTrial.Outcome o = trial("retrain", Map.of());
        assertThat(o.avgGap()).isZero();
        assertThat(o.excessAdvantage().advantage()).isZero();
        ChallengeJudgement j = EvaluationPolicy.ofDefaults().judgeChallenge("m", o);
        assertThat(j.verdict()).as(String.valueOf(j.reasons())).isEqualTo(ChallengeVerdict.CHALLENGE_PASSED);
    }

    @Test
    void aNearNoOpLeavesTheSetDetectableBeyondRetrainAndFails() {
        // ga at lr 1e-6 leaves the weights as they were (a no-op with a real run behind it)
        ChallengeTrial.Outcome o = trial("ga", Map.of("lr", 1e-6));
        assertThat(o.methodAdvantage().advantage()).as("the parent's memorisation is still there")
                .isGreaterThan(o.retrainAdvantage().advantage());
        ChallengeJudgement j = EvaluationPolicy.ofDefaults().judgeChallenge("m", o);
        assertThat(j.verdict()).isEqualTo(ChallengeVerdict.CHALLENGE_FAILED);
        assertThat(j.reasons()).anySatisfy(r -> assertThat(r).contains("detectable where an exact retrain does not"));
    }

    @Test
    void aReferenceOfAnotherSetIsRefused() {
        WorstCaseForgetSet other = new ChallengeSetChoice(ForgetSetKind.RANDOM, 0, 1, 1, 8).choose(base, data, nonMembers, 200, "ga",
                Map.of(), "m@v1", QUIET);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChallengeTrial.run(base, data, nonMembers, other.ids(), "ga", Map.of(),
                EvaluationPolicy.ofDefaults().gate("m"), SETTINGS, retrain, QUIET)).hasMessageContaining("another challenge set");
    }
}
