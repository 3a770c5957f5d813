package io.unlearn.ml.metrics;

import io.unlearn.ml.UnlearnException;
import java.util.function.IntPredicate;
import smile.classification.SVM;

/**
 * Membership attacks on a forget set against a class-matched non-member reference, each returning a
 * {@link MembershipAdvantage}. Class matching: members of class c are compared only with non-members of class c and
 * the per-class results are weighted by the members' class counts, so a forget set rich in an easy class does not
 * look like members merely because that class has low loss for everyone.
 * <ul>
 *   <li>{@link #loss}: the loss-threshold attack (Yeom et al.) over every threshold at once: the class-stratified AUC of
 *   "lower loss means member", reported as 2·AUC − 1, interval from DeLong's variance. Equivalent to a threshold on the
 *   confidence in the true label; scored on the true label's log-odds ({@link Predictions#logOdds}), which orders
 *   samples as the loss does but does not round to 0 for confidently right samples (with float32 losses, a memorising
 *   model's training and test samples mostly tie at 0 and the attack loses most of its power).</li>
 *   <li>{@link #svm}: the seed's attack, an SVM on the true-label confidence trained on retain (members) versus held-out
 *   (non-members) samples ({@link MiaEfficacy#fit}); advantage = rate called member among the forget set − rate among the
 *   reference, interval from the two proportions (Agresti–Caffo).</li>
 * </ul>
 */
public final class MembershipAttacks {
    public static final String LOSS = "loss";
    public static final String SVM_CONFIDENCE = "svm-confidence";
    public static final String LOSS_DROP = "loss-drop";

    private MembershipAttacks() {
    }

    /**
     * @param members the model's predictions on the forget set
     * @param nonMembers its predictions on samples no model of the lineage trained on
     * @return the loss attack's advantage
     * @throws UnlearnException when a class of the members has no non-member to compare with
     */
    public static MembershipAdvantage loss(Predictions members, Predictions nonMembers) {
        Strata s = Strata.of(members, nonMembers);
        double auc = 0;
        double variance = 0;
        for (int c = 0; c < s.classes(); c++) {
            if (s.members(c) == 0) {
                continue;
            }
            Auc.Result r = Auc.delong(s.memberLosses(members, c), s.nonMemberLosses(nonMembers, c));
            double w = s.weight(c);
            auc += w * r.auc();
            variance += w * w * r.variance();
        }
        double sd = Math.sqrt(variance);
        return new MembershipAdvantage(LOSS, 100 * (2 * auc - 1), 100 * (2 * (auc - MembershipAdvantage.Z95 * sd) - 1),
                100 * (2 * (auc + MembershipAdvantage.Z95 * sd) - 1), members.size(), s.nonMembersInMemberClasses(), true);
    }

    /**
     * How much of the loss attack's advantage a version removed from its parent: advantage(parent) − advantage(version) on
     * the same forget and non-member samples, class-stratified, with the paired (correlated) DeLong interval. A no-op
     * gives 0 with a narrow interval; a retrain gives about the parent's whole advantage.
     *
     * @param parentMembers the parent's predictions on the forget set
     * @param parentNonMembers the parent's predictions on the non-member reference
     * @param members the version's predictions on the same forget samples, in the same order
     * @param nonMembers the version's predictions on the same non-members, in the same order
     * @return the drop, named {@code loss-drop}, in percentage points of advantage
     */
    public static MembershipAdvantage lossDrop(Predictions parentMembers, Predictions parentNonMembers, Predictions members,
            Predictions nonMembers) {
        if (!java.util.Arrays.equals(parentMembers.labels(), members.labels())
                || !java.util.Arrays.equals(parentNonMembers.labels(), nonMembers.labels())) {
            throw new UnlearnException("a paired comparison needs the parent and the version scored on the same samples in the same order");
        }
        Strata s = Strata.of(members, nonMembers);
        double drop = 0;
        double variance = 0;
        for (int c = 0; c < s.classes(); c++) {
            if (s.members(c) == 0) {
                continue;
            }
            Auc.Result r = Auc.paired(s.memberLosses(parentMembers, c), s.nonMemberLosses(parentNonMembers, c),
                    s.memberLosses(members, c), s.nonMemberLosses(nonMembers, c));
            double w = s.weight(c);
            drop += w * r.auc();
            variance += w * w * r.variance();
        }
        double half = MembershipAdvantage.Z95 * Math.sqrt(variance);
        return new MembershipAdvantage(LOSS_DROP, 200 * drop, 200 * (drop - half), 200 * (drop + half), members.size(),
                s.nonMembersInMemberClasses(), true);
    }

    /**
     * @param attack an SVM fitted by {@link MiaEfficacy#fit} on the same model's outputs
     * @param constant whether that fit predicts one class for all its shadow samples (then the result is not informative)
     * @param members predictions on the forget set
     * @param nonMembers predictions on the non-member reference (not the SVM's own shadow samples)
     * @return the SVM attack's advantage
     */
    public static MembershipAdvantage svm(SVM<double[]> attack, boolean constant, Predictions members, Predictions nonMembers) {
        Strata s = Strata.of(members, nonMembers);
        IntPredicate memberCalledMember = i -> attack.predict(new double[] {members.trueLabelProbability()[i]}) > 0;
        IntPredicate nonMemberCalledMember = i -> attack.predict(new double[] {nonMembers.trueLabelProbability()[i]}) > 0;
        double advantage = 0;
        double variance = 0;
        for (int c = 0; c < s.classes(); c++) {
            if (s.members(c) == 0) {
                continue;
            }
            int[] tpr = s.count(members, c, memberCalledMember);
            int[] fpr = s.count(nonMembers, c, nonMemberCalledMember);
            double w = s.weight(c);
            advantage += w * ((double) tpr[0] / tpr[1] - (double) fpr[0] / fpr[1]);
            // Agresti–Caffo: one success and one failure added to each group, so 0% and 100% rates keep a width.
            double p1 = (tpr[0] + 1.0) / (tpr[1] + 2.0);
            double p2 = (fpr[0] + 1.0) / (fpr[1] + 2.0);
            variance += w * w * (p1 * (1 - p1) / (tpr[1] + 2.0) + p2 * (1 - p2) / (fpr[1] + 2.0));
        }
        double half = MembershipAdvantage.Z95 * Math.sqrt(variance);
        return new MembershipAdvantage(SVM_CONFIDENCE, 100 * advantage, 100 * (advantage - half), 100 * (advantage + half),
                members.size(), s.nonMembersInMemberClasses(), !constant);
    }
}
