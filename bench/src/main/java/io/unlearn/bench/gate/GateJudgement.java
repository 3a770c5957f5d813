package io.unlearn.bench.gate;

import io.unlearn.evaluator.ForgettingGate;
import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.MembershipTest;
import io.unlearn.ml.metrics.MembershipAttacks;

/**
 * What the benchmark records of one {@link ForgettingGate#judge} answer: the decision and the lineage-scope tests of
 * the evidence (the loss attack on the version with its interval, the SVM attack on the version, the loss attack on the
 * parent).
 *
 * @param verdict CERTIFIED, REJECTED or INCONCLUSIVE
 * @param advantage loss attack on the version, points
 * @param ciLow its interval's lower end
 * @param ciHigh its interval's upper end
 * @param svmAdvantage SVM attack on the version
 * @param parentAdvantage loss attack on the parent
 * @param signalDrop the paired drop of the loss advantage from the parent to the version
 * @param samplesNeeded the gate's estimate when INCONCLUSIVE, else null
 */
record GateJudgement(String verdict, double advantage, double ciLow, double ciHigh, double svmAdvantage,
        double parentAdvantage, double signalDrop, Long samplesNeeded) {

    /**
     * @param result the gate's answer
     * @return its figures
     */
    static GateJudgement of(ForgettingGate.Result result) {
        ForgettingEvidence e = result.evidence();
        MembershipTest loss = test(e, "version", MembershipAttacks.LOSS);
        return new GateJudgement(e.getDecision().name(), loss.getAdvantage(), loss.getCiLow(), loss.getCiHigh(),
                test(e, "version", MembershipAttacks.SVM_CONFIDENCE).getAdvantage(),
                test(e, "parent", MembershipAttacks.LOSS).getAdvantage(),
                e.getTests().stream().filter(t -> t.getScope().equals("lineage") && t.getModel().equals("drop"))
                        .mapToDouble(MembershipTest::getAdvantage).findFirst().orElse(Double.NaN), e.getSamplesNeeded());
    }

    private static MembershipTest test(ForgettingEvidence e, String model, String attack) {
        return e.getTests().stream().filter(t -> t.getScope().equals("lineage") && t.getModel().equals(model)
                && t.getAttack().equals(attack)).findFirst().orElseThrow(() -> new IllegalStateException(
                "the gate's evidence has no lineage test of the " + model + " with the " + attack + " attack"));
    }
}
