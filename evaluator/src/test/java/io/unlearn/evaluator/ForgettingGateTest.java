package io.unlearn.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.Verdict;
import io.unlearn.ml.metrics.MiaEfficacy;
import io.unlearn.ml.metrics.Predictions;
import io.unlearn.ml.metrics.SyntheticPredictions;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The gate on synthetic model outputs: per-sample losses drawn as a memorising or a non-memorising model would give them. */
class ForgettingGateTest {
    private static final ForgettingGate GATE = EvaluationPolicy.ofDefaults().gate("m");
    private static final int[] PLENTY = IntStream.range(0, 10).map(c -> 6000).toArray();
    private static final double SEEN = 0.02;
    private static final double UNSEEN = 0.6;

    /** n samples (of {@code onlyClass}, or over classes 0-9 when it is -1), losses exponential with the given mean. */
    private static Predictions outputs(int n, double meanLoss, long seed, int onlyClass) {
        return SyntheticPredictions.exponentialLosses(n, meanLoss, seed, onlyClass);
    }

    /** A model that saw its retain set (low loss) and gives the forget set losses with {@code forgetLoss}. */
    private static ForgettingGate.ModelOutputs model(int forgetSize, double forgetLoss, long seed, int onlyClass) {
        MiaEfficacy.Attack svm = MiaEfficacy.attack(outputs(1000, SEEN, seed + 1, -1), outputs(1000, UNSEEN, seed + 2, -1), seed, 1000);
        return new ForgettingGate.ModelOutputs(outputs(forgetSize, forgetLoss, seed + 3, onlyClass), outputs(5000, UNSEEN, seed + 4, -1), svm);
    }

    @Test
    void aRetrainLikeVersionOfAMemorisingParentIsCertifiedWithTheParentSideBySide() {
        ForgettingGate.Result r = GATE.judge(model(1500, UNSEEN, 10, -1), model(1500, SEEN, 20, -1), new int[0], PLENTY);
        ForgettingEvidence e = r.evidence();
        assertThat(e.getDecision()).as(String.valueOf(e.getFindings())).isEqualTo(Verdict.CERTIFIED);
        assertThat(r.failing()).isEmpty();
        assertThat(e.getTests()).hasSize(5).extracting(t -> t.getModel() + "/" + t.getAttack())
                .containsExactly("version/loss", "version/svm-confidence", "parent/loss", "parent/svm-confidence", "drop/loss-drop");
        assertThat(e.getTests().get(2).getCiLow()).as("the parent memorised").isGreaterThan(GATE_TOLERANCE);
        assertThat(e.getFindings()).anySatisfy(f -> assertThat(f).startsWith("the parent's membership advantage (loss)"));
        assertThat(e.getForgetSetSize()).isEqualTo(1500);
        assertThat(e.getSamplesNeeded()).isNull();
    }

    private static final double GATE_TOLERANCE = PolicyCriterion.MAX_MEMBERSHIP_ADVANTAGE.defaultValue();

    @Test
    void aVersionThatLeavesTheParentsSignalInPlaceIsRejectedNamingTheAdvantage() {
        ForgettingGate.Result r = GATE.judge(model(600, SEEN, 10, -1), model(600, SEEN, 20, -1), new int[0], PLENTY);
        assertThat(r.evidence().getDecision()).isEqualTo(Verdict.REJECTED);
        assertThat(r.failing()).first().asString().startsWith("membership advantage (loss)")
                .contains("the lineage's 600 forgotten samples").contains("still looks like training data");
    }

    @Test
    void aNoOpOnAParentThatMemorisedLittleIsRejectedForLeavingItsSignalInPlace() {
        ForgettingGate.ModelOutputs parent = model(3000, 0.5, 20, -1); // advantage about 9: within ±10, but measurable
        ForgettingGate.Result noOp = GATE.judge(parent, parent, new int[0], PLENTY);
        assertThat(noOp.evidence().getTests()).filteredOn(t -> t.getModel().equals("version") && t.getAttack().equals("loss"))
                .singleElement().satisfies(t -> assertThat(t.getCiHigh()).as("the absolute test alone would pass it").isLessThan(GATE_TOLERANCE));
        assertThat(noOp.evidence().getDecision()).isEqualTo(Verdict.REJECTED);
        assertThat(noOp.failing()).singleElement().asString().contains("fell by 0.00 [0.00, 0.00] (paired)")
                .endsWith("the version leaves the parent's signal in place");
        ForgettingGate.Result retrain = GATE.judge(model(3000, UNSEEN, 10, -1), parent, new int[0], PLENTY);
        assertThat(retrain.evidence().getDecision()).as(String.valueOf(retrain.evidence().getFindings())).isEqualTo(Verdict.CERTIFIED);
        assertThat(retrain.evidence().getTests()).filteredOn(t -> t.getModel().equals("drop")).singleElement()
                .satisfies(t -> assertThat(t.getCiLow()).isGreaterThan(0.5 * retrain.evidence().getTests().get(2).getAdvantage()));
    }

    @Test
    void overForgettingStandsOutToo() {
        ForgettingGate.Result r = GATE.judge(model(600, 5.0, 10, -1), model(600, SEEN, 20, -1), new int[0], PLENTY);
        assertThat(r.evidence().getDecision()).isEqualTo(Verdict.REJECTED);
        assertThat(r.failing()).anySatisfy(f -> assertThat(f).contains("over-forgotten"));
    }

    @Test
    void aSmallSetIsInconclusiveAndSaysHowManySamplesWouldDecide() {
        ForgettingGate.Result r = GATE.judge(model(40, UNSEEN, 10, -1), model(40, SEEN, 20, -1), new int[0], PLENTY);
        assertThat(r.evidence().getDecision()).as(String.valueOf(r.evidence().getFindings())).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.evidence().getSamplesNeeded()).isGreaterThan(40L);
        assertThat(r.undecided()).last().asString().contains("forgotten samples (now 40) would decide");
    }

    @Test
    void theBatchsOwnTestRejectsAWeakBatchHiddenInALargeLineage() {
        ForgettingGate.ModelOutputs version = model(3000, UNSEEN, 10, -1);
        Predictions f = version.forget();
        float[] loss = f.loss().clone();
        float[] p = f.trueLabelProbability().clone();
        int[] batch = IntStream.range(0, 400).toArray();
        for (int i : batch) {
            loss[i] = loss[i] * (float) (SEEN / UNSEEN);
            p[i] = (float) Math.exp(-loss[i]);
        }
        ForgettingGate.ModelOutputs mixed = new ForgettingGate.ModelOutputs(new Predictions(p, loss, f.predicted(), f.labels()),
                version.nonMembers(), version.svm());
        ForgettingGate.Result r = GATE.judge(mixed, model(3000, SEEN, 20, -1), batch, PLENTY);
        assertThat(r.evidence().getDecision()).isEqualTo(Verdict.REJECTED);
        assertThat(r.failing()).anySatisfy(l -> assertThat(l).contains("this batch's 400 samples"));
        assertThat(r.evidence().getTests()).filteredOn(t -> t.getScope().equals("batch")).hasSize(2);
    }

    @Test
    void aRemovedClassThatIsStillRecognisedIsRejectedEvenWhenItsSamplesLookUnseen() {
        int[] counts = PLENTY.clone();
        counts[3] = 500;
        // GA at a tiny rate on a weak base: forgotten and unseen samples of class 3 look alike, and both are still recognised
        ForgettingGate.ModelOutputs ga = model(500, UNSEEN, 10, 3);
        ForgettingGate.Result r = GATE.judge(ga, model(500, UNSEEN, 20, 3), new int[0], counts);
        assertThat(r.evidence().getRemovedClasses()).singleElement().satisfies(c -> {
            assertThat(c.getLabel()).isEqualTo(3);
            assertThat(c.getRetainedShare()).isEqualTo(0.0);
            assertThat(c.getAccuracy()).isGreaterThan(50);
        });
        assertThat(r.evidence().getDecision()).isEqualTo(Verdict.REJECTED);
        assertThat(r.failing()).singleElement().asString().startsWith("class 3 is removed");
    }

    @Test
    void aParentThatNeverMemorisedTheSetIsReportedAsSuch() {
        ForgettingGate.Result r = GATE.judge(model(3000, UNSEEN, 10, -1), model(3000, UNSEEN, 20, -1), new int[0], PLENTY);
        assertThat(r.evidence().getDecision()).isEqualTo(Verdict.CERTIFIED);
        assertThat(r.evidence().getFindings()).anySatisfy(l -> assertThat(l).startsWith("the parent never memorised this set")
                .contains("nothing measurable to remove"));
    }

    @Test
    void aRemovedClassNoLongerRecognisedPasses() {
        int[] counts = PLENTY.clone();
        counts[3] = 500;
        ForgettingGate.ModelOutputs retrain = model(500, 100.0, 10, 3);
        Predictions unseen = retrain.nonMembers();
        float[] l = unseen.loss().clone();
        float[] p = unseen.trueLabelProbability().clone();
        int[] pred = unseen.predicted().clone();
        int k = 0;
        for (int i = 0; i < l.length; i++) {
            if (unseen.labels()[i] == 3) { // a retrained model never saw class 3: unseen samples of it get the same high losses
                l[i] = retrain.forget().loss()[k++];
                p[i] = (float) Math.exp(-l[i]);
                pred[i] = 4;
            }
        }
        ForgettingGate.ModelOutputs consistent = new ForgettingGate.ModelOutputs(retrain.forget(),
                new Predictions(p, l, pred, unseen.labels()), retrain.svm());
        ForgettingGate.Result r = GATE.judge(consistent, model(500, SEEN, 20, 3), new int[0], counts);
        assertThat(r.evidence().getRemovedClasses()).singleElement().satisfies(c -> assertThat(c.getCiHigh()).isLessThan(5.0));
        assertThat(r.evidence().getDecision()).as(String.valueOf(r.evidence().getFindings())).isEqualTo(Verdict.CERTIFIED);
    }
}
