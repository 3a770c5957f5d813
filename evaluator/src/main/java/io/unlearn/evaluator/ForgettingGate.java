package io.unlearn.evaluator;

import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.MembershipTest;
import io.unlearn.events.RemovedClassCheck;
import io.unlearn.events.Verdict;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.MembershipAdvantage;
import io.unlearn.ml.metrics.MembershipAttacks;
import io.unlearn.ml.metrics.MiaEfficacy;
import io.unlearn.ml.metrics.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a version forgot: the membership attacks of {@link MembershipAttacks} on the lineage's cumulative
 * forget set (and on the batch this version forgot) against class-matched samples no version ever trained on, for the
 * version and, side by side, its parent; plus, for classes the lineage removed entirely, the accuracy a model that never
 * saw them would have (about 0). With tolerance τ ({@code max.membership.advantage}) and 95% intervals:
 * <ul>
 *   <li>REJECTED when an informative test's interval lies beyond ±τ (membership still shows, or over-forgetting makes the
 *   set stand out), a removed class's accuracy interval lies above {@code max.removed.class.accuracy}, or the parent
 *   measurably memorised the set and the version removed less than {@code min.signal.removed} of its advantage (paired
 *   interval of the drop below that share: the parent's signal left in place);</li>
 *   <li>CERTIFIED when every informative lineage test's interval lies within ±τ, every removed class is below its
 *   limit and the drop from a memorising parent's advantage is at least that share (the batch's own tests, on fewer
 *   samples, can only reject);</li>
 *   <li>INCONCLUSIVE otherwise, with about how many forget samples would decide.</li>
 * </ul>
 */
public final class ForgettingGate {
    /** A class counts as removed when at most this share of its training samples is left in the retain set. */
    public static final double REMOVED_CLASS_SHARE = 0.05;
    static final String LINEAGE = "lineage";
    static final String BATCH = "batch";

    /**
     * One model's outputs for the gate.
     *
     * @param forget predictions on the lineage's cumulative forget set
     * @param nonMembers predictions on the non-member reference (never trained on, not the SVM's shadow samples)
     * @param svm the seed's SVM attack fitted on this model's retain and shadow outputs
     */
    public record ModelOutputs(Predictions forget, Predictions nonMembers, MiaEfficacy.Attack svm) {
    }

    /**
     * The gate's answer.
     *
     * @param evidence what was measured, with the decision, for the report
     * @param failing one line per test that shows membership (or a removed class still recognised); empty unless REJECTED
     * @param undecided one line per test whose interval straddles its limit, and how many samples would decide
     */
    public record Result(ForgettingEvidence evidence, List<String> failing, List<String> undecided) {
    }

    /** At most this many non-members are scored per model (inference cost per evaluation). */
    public static final int MAX_NON_MEMBERS = 10_000;

    private final double tolerance;
    private final double removedClassAccuracy;
    private final double minSignalRemoved;

    /**
     * The non-member reference the evaluator compares forget sets with. Preferably training-split samples beyond
     * {@code dataset.limit}: no version trained on them and they come from the same split as the forget set (Fashion-MNIST's
     * test split is not exchangeable with its training split: a model that never saw either still ranks training samples as
     * slightly more member-like, about 4 points of advantage in the gate benchmark, enough to reject an exact retrain).
     * Without such samples (no limit), the whole dataset's test samples after the shadow half of {@code data}'s test slice
     * (the first half is the SVM attack's non-member shadow set).
     *
     * @param whole the whole dataset
     * @param data the slice the models were trained on
     * @return at most {@link #MAX_NON_MEMBERS} samples
     */
    public static DataView nonMemberReference(UnlearnDataset whole, UnlearnDataset data) {
        int trained = data.train().size();
        if (whole.train().size() > trained) {
            return whole.train().slice(trained, Math.min(whole.train().size(), trained + MAX_NON_MEMBERS));
        }
        return whole.test().slice(data.test().size() / 2, whole.test().size());
    }

    /**
     * @param tolerance τ, the largest |membership advantage| (percentage points) still called indistinguishable
     * @param removedClassAccuracy the highest accuracy (percent) allowed on a class the lineage removed entirely
     * @param minSignalRemoved the least share of a measurably memorising parent's advantage the version must remove
     */
    public ForgettingGate(double tolerance, double removedClassAccuracy, double minSignalRemoved) {
        this.tolerance = tolerance;
        this.removedClassAccuracy = removedClassAccuracy;
        this.minSignalRemoved = minSignalRemoved;
    }

    /**
     * @param version the version's outputs
     * @param parent the parent's outputs on the same samples
     * @param batchPositions positions in {@code forget} of the samples this version forgot itself (empty for RETRAINED)
     * @param trainCountsByClass how many training samples of each class the lineage started from
     * @return the evidence with its decision, the failing and the undecided lines
     */
    public Result judge(ModelOutputs version, ModelOutputs parent, int[] batchPositions, int[] trainCountsByClass) {
        List<MembershipTest> tests = new ArrayList<>();
        List<MembershipAdvantage> lineage = attacks(version.forget(), version);
        List<MembershipAdvantage> parentLineage = attacks(parent.forget(), parent);
        lineage.forEach(a -> tests.add(test(LINEAGE, "version", a)));
        parentLineage.forEach(a -> tests.add(test(LINEAGE, "parent", a)));
        MembershipAdvantage drop = MembershipAttacks.lossDrop(parent.forget(), parent.nonMembers(), version.forget(), version.nonMembers());
        tests.add(test(LINEAGE, "drop", drop));
        List<MembershipAdvantage> batch = List.of();
        if (batchPositions.length > 0 && batchPositions.length < version.forget().size()) {
            batch = attacks(version.forget().select(batchPositions), version);
            batch.forEach(a -> tests.add(test(BATCH, "version", a)));
        }
        List<RemovedClassCheck> removed = RemovedClasses.check(version, trainCountsByClass, REMOVED_CLASS_SHARE);
        Lines lines = new Lines();
        membership(lineage, batch, lines);
        removedClasses(removed, lines);
        signalRemoved(parentLineage.get(0), drop, lines);
        lines.notes.add(parentFinding(parentLineage));
        Verdict decision = !lines.failing.isEmpty() ? Verdict.REJECTED : !lines.undecided.isEmpty() ? Verdict.INCONCLUSIVE : Verdict.CERTIFIED;
        Long samplesNeeded = decision == Verdict.INCONCLUSIVE && lines.needed > 0 && Double.isFinite(lines.needed) ? (long) Math.ceil(lines.needed) : null;
        if (samplesNeeded != null) {
            lines.undecided.add("about " + samplesNeeded + " forgotten samples (now " + version.forget().size()
                    + ") would decide at the measured advantage; later versions of the lineage add theirs");
        }
        List<String> findings = new ArrayList<>(lines.failing);
        findings.addAll(lines.undecided);
        findings.addAll(lines.notes);
        ForgettingEvidence evidence = ForgettingEvidence.newBuilder().setTolerance(tolerance).setForgetSetSize(version.forget().size())
                .setBatchSize(batchPositions.length).setNonMemberSize(lineage.get(0).nonMembers()).setTests(tests)
                .setRemovedClasses(removed).setDecision(decision).setSamplesNeeded(samplesNeeded).setFindings(findings).build();
        return new Result(evidence, lines.failing, lines.undecided);
    }

    /** The sentences of a judgement, and how many samples would decide its undecided tests. */
    private static final class Lines {
        final List<String> failing = new ArrayList<>();
        final List<String> undecided = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        double needed;

        /** Keeps the largest sample count an undecided test asks for. */
        void need(double samples) {
            needed = Math.max(needed, samples);
        }
    }

    /** |advantage| against τ: the lineage's tests decide both ways, the batch's own (fewer samples) can only reject. */
    private void membership(List<MembershipAdvantage> lineage, List<MembershipAdvantage> batch, Lines lines) {
        for (MembershipAdvantage a : concat(lineage, batch)) {
            String scope = lineage.contains(a) ? "the lineage's " + a.members() + " forgotten samples" : "this batch's " + a.members() + " samples";
            if (!a.informative()) {
                lines.notes.add(a.attack() + " attack on " + scope + ": not informative (it predicts one class for every shadow sample)");
            } else if (a.ciLow() > tolerance || a.ciHigh() < -tolerance) {
                lines.failing.add("membership advantage (" + a.attack() + ") " + range(a) + " on " + scope + " against " + a.nonMembers()
                        + " class-matched unseen samples lies beyond ±" + f(tolerance) + (a.advantage() > 0
                        ? ": the forget set still looks like training data" : ": the forget set stands out as over-forgotten"));
            } else if (lineage.contains(a) && !(a.ciLow() >= -tolerance && a.ciHigh() <= tolerance)) {
                lines.need(a.membersToDecide(tolerance));
                lines.undecided.add("membership advantage (" + a.attack() + ") " + range(a) + " on " + scope + " straddles ±" + f(tolerance));
            }
        }
    }

    private void removedClasses(List<RemovedClassCheck> removed, Lines lines) {
        for (RemovedClassCheck c : removed) {
            String what = "class " + c.getLabel() + " is removed (" + f(100 * c.getRetainedShare()) + "% of its training samples left), yet accuracy on it is "
                    + f(c.getAccuracy()) + "% [" + f(c.getCiLow()) + ", " + f(c.getCiHigh()) + "]";
            if (c.getCiLow() > removedClassAccuracy) {
                lines.failing.add(what + " > " + f(removedClassAccuracy) + "%: a model retrained without the class would not recognise it");
            } else if (c.getCiHigh() > removedClassAccuracy) {
                lines.undecided.add(what + ", straddling " + f(removedClassAccuracy) + "%");
            }
        }
    }

    /**
     * When the parent measurably memorised the set (its loss advantage's interval above 0), the version must have removed at
     * least {@code minSignalRemoved} of that advantage (paired interval): a no-op, whose set may still lie within ±τ when the
     * parent memorised little, fails here.
     */
    private void signalRemoved(MembershipAdvantage parentLoss, MembershipAdvantage drop, Lines lines) {
        if (parentLoss.ciLow() <= 0) {
            return;
        }
        double least = minSignalRemoved * parentLoss.advantage();
        String what = "the parent's membership advantage (loss) " + range(parentLoss) + " fell by " + range(drop) + " (paired)";
        if (drop.ciHigh() < least) {
            lines.failing.add(what + ", less than " + f(least) + " (" + f(100 * minSignalRemoved) + "% of it): the version leaves the parent's signal in place");
        } else if (drop.ciLow() < least) {
            lines.need(drop.membersToSeparate(drop.advantage(), least));
            lines.undecided.add(what + ", straddling " + f(least) + " (" + f(100 * minSignalRemoved) + "% of it)");
        }
    }

    private String parentFinding(List<MembershipAdvantage> parent) {
        MembershipAdvantage loss = parent.get(0);
        boolean within = parent.stream().filter(MembershipAdvantage::informative).allMatch(a -> a.ciLow() >= -tolerance && a.ciHigh() <= tolerance);
        return within ? "the parent never memorised this set: its membership advantage (loss) " + range(loss)
                + " is already within ±" + f(tolerance) + ", so there was nothing measurable to remove"
                : "the parent's membership advantage (loss) on the same set: " + range(loss);
    }

    private static List<MembershipAdvantage> attacks(Predictions forget, ModelOutputs m) {
        return new ArrayList<>(List.of(MembershipAttacks.loss(forget, m.nonMembers()),
                MembershipAttacks.svm(m.svm().svm(), m.svm().constant(), forget, m.nonMembers())));
    }

    private static List<MembershipAdvantage> concat(List<MembershipAdvantage> a, List<MembershipAdvantage> b) {
        List<MembershipAdvantage> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static MembershipTest test(String scope, String model, MembershipAdvantage a) {
        return MembershipTest.newBuilder().setScope(scope).setModel(model).setAttack(a.attack()).setAdvantage(a.advantage())
                .setCiLow(a.ciLow()).setCiHigh(a.ciHigh()).setMembers(a.members()).setNonMembers(a.nonMembers())
                .setInformative(a.informative()).build();
    }

    private static String range(MembershipAdvantage a) {
        return f(a.advantage()) + " [" + f(a.ciLow()) + ", " + f(a.ciHigh()) + "]";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
