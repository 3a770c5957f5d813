package io.unlearn.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.unlearn.ml.UnlearnException;
import org.junit.jupiter.api.Test;

class MembershipAttacksTest {

    /** n samples of class {@code label}, losses drawn from an exponential with the given mean. */
    static Predictions losses(int n, int label, double meanLoss, long seed) {
        return SyntheticPredictions.exponentialLosses(n, meanLoss, seed, label);
    }

    static Predictions concat(Predictions a, Predictions b) {
        int n = a.size() + b.size();
        float[] p = new float[n];
        float[] l = new float[n];
        int[] pr = new int[n];
        int[] lb = new int[n];
        for (int i = 0; i < n; i++) {
            Predictions s = i < a.size() ? a : b;
            int j = i < a.size() ? i : i - a.size();
            p[i] = s.trueLabelProbability()[j];
            l[i] = s.loss()[j];
            pr[i] = s.predicted()[j];
            lb[i] = s.labels()[j];
        }
        return new Predictions(p, l, pr, lb);
    }

    @Test
    void theAucAndItsDelongVarianceMatchAHandComputedCase() {
        // members {1, 2}, non-members {1.5, 3}: pairs (1<1.5) (1<3) (2>1.5) (2<3) -> 3 of 4
        Auc.Result r = Auc.delong(new double[] {1, 2}, new double[] {1.5, 3});
        assertThat(r.auc()).isEqualTo(0.75);
        // placements v10 = {1, 0.5}, v01 = {0.5, 1}: variances 0.125 each, / 2 each
        assertThat(r.variance()).isCloseTo(0.125, within(1e-12));
        assertThat(Auc.delong(new double[] {1, 1}, new double[] {1, 1}).auc()).as("ties count half").isEqualTo(0.5);
    }

    @Test
    void membersFromTheSameDistributionAsNonMembersShowNoAdvantage() {
        MembershipAdvantage a = MembershipAttacks.loss(losses(2000, 3, 0.5, 1), losses(2000, 3, 0.5, 2));
        assertThat(a.ciLow()).isLessThan(0);
        assertThat(a.ciHigh()).isGreaterThan(0);
        assertThat(a.halfWidth()).isBetween(2.0, 5.0);
        assertThat(a.members()).isEqualTo(2000);
        assertThat(a.nonMembers()).isEqualTo(2000);
    }

    @Test
    void memorisedMembersShowALargeAdvantageWithAnIntervalAboveZero() {
        MembershipAdvantage a = MembershipAttacks.loss(losses(300, 3, 0.05, 1), losses(500, 3, 0.5, 2));
        assertThat(a.advantage()).isGreaterThan(60);
        assertThat(a.ciLow()).isGreaterThan(50);
        assertThat(a.ciHigh()).isLessThanOrEqualTo(100.0 + 1e-9 + a.halfWidth());
    }

    @Test
    void classMatchingKeepsAnEasyClassFromLookingLikeMembers() {
        // the forget set is all class 1, which every model finds easy; non-members of class 1 are just as easy
        Predictions members = losses(400, 1, 0.05, 1);
        Predictions nonMembers = concat(losses(400, 1, 0.05, 2), losses(4000, 2, 1.0, 3));
        MembershipAdvantage a = MembershipAttacks.loss(members, nonMembers);
        assertThat(Math.abs(a.advantage())).isLessThan(10);
        assertThat(a.nonMembers()).as("only class 1 counts").isEqualTo(400);
    }

    @Test
    void aClassWithoutNonMembersCannotBeJudgedAndSaysSo() {
        assertThatThrownBy(() -> MembershipAttacks.loss(losses(10, 4, 0.1, 1), losses(10, 5, 0.1, 2)))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("class 4").hasMessageContaining("non-member reference none");
    }

    @Test
    void theSvmAttackSeesMemorisedMembersAndIsMarkedUninformativeWhenConstant() {
        Predictions retain = losses(1000, 3, 0.02, 1);
        Predictions shadow = losses(1000, 3, 1.0, 2);
        MiaEfficacy.Attack attack = MiaEfficacy.attack(retain, shadow, 7, 1000);
        assertThat(attack.constant()).isFalse();
        MembershipAdvantage memorised = MembershipAttacks.svm(attack.svm(), false, losses(300, 3, 0.02, 3), losses(500, 3, 1.0, 4));
        assertThat(memorised.ciLow()).isGreaterThan(30);
        MembershipAdvantage unseen = MembershipAttacks.svm(attack.svm(), false, losses(300, 3, 1.0, 5), losses(500, 3, 1.0, 6));
        assertThat(unseen.ciLow()).isLessThan(0).isGreaterThan(-20);
        assertThat(MembershipAttacks.svm(attack.svm(), true, losses(300, 3, 0.02, 3), losses(500, 3, 1.0, 4)).informative()).isFalse();
    }

    @Test
    void thePairedDropIsExactlyZeroForAnUnchangedModelAndAboutTheWholeAdvantageForAModelThatNeverSawTheSet() {
        Predictions parentMembers = losses(500, 3, 0.05, 1);
        Predictions nonMembers = losses(800, 3, 0.5, 2);
        MembershipAdvantage none = MembershipAttacks.lossDrop(parentMembers, nonMembers, parentMembers, nonMembers);
        assertThat(none.advantage()).isZero();
        assertThat(none.halfWidth()).isZero();
        MembershipAdvantage parent = MembershipAttacks.loss(parentMembers, nonMembers);
        MembershipAdvantage all = MembershipAttacks.lossDrop(parentMembers, nonMembers, losses(500, 3, 0.5, 3), nonMembers);
        assertThat(all.advantage()).isCloseTo(parent.advantage(), within(10.0));
        assertThat(all.ciLow()).isGreaterThan(0.5 * parent.advantage());
        assertThatThrownBy(() -> MembershipAttacks.lossDrop(parentMembers, nonMembers, losses(500, 4, 0.5, 3), nonMembers))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("same samples");
    }

    @Test
    void moreMembersAreNeededTheCloserTheEstimateIsToTheTolerance() {
        MembershipAdvantage a = new MembershipAdvantage("loss", 4, -6, 14, 100, 5000, true);
        assertThat(a.membersToDecide(10)).as("half-width 10, margin 6").isEqualTo(Math.ceil(100 * (10.0 / 6) * (10.0 / 6)));
        assertThat(new MembershipAdvantage("loss", -4, -14, 6, 100, 5000, true).membersToDecide(10)).as("two-sided")
                .isEqualTo(a.membersToDecide(10));
        assertThat(new MembershipAdvantage("loss", 10, 0, 20, 100, 5000, true).membersToDecide(10)).isInfinite();
    }
}
