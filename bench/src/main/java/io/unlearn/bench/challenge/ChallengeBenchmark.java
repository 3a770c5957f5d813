package io.unlearn.bench.challenge;

import static io.unlearn.evaluator.EvaluatorConfig.*;

import ai.djl.Device;
import io.unlearn.bench.harness.BaseModelCache;
import io.unlearn.bench.harness.BenchWriters;
import io.unlearn.bench.harness.MachineInfo;
import io.unlearn.evaluator.ChallengeJudgement;
import io.unlearn.evaluator.ChallengeSetChoice;
import io.unlearn.evaluator.ChallengeTrial;
import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.ForgettingGate;
import io.unlearn.ml.Devices;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.worstcase.ForgetSetKind;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The challenge benchmark ({@code ./unlearn bench challenge}): on the demo's memorising base, for each set kind and each
 * method at its defaults, what the evaluator's challenge does — choose S on the base ({@link ChallengeSetChoice} with the
 * evaluator's default pool and search steps), run the method and Retrain on S ({@link ChallengeTrial}), judge with the
 * default policy ({@link EvaluationPolicy#judgeChallenge}) — beside the trivial competitor, a random set of the same size
 * against its own Retrain. Retrain on one set is computed once and shared by the methods (it is deterministic); sets that do
 * not depend on the method (random, lowest-loss) are chosen once. Methods run in the order given, each on every kind; results
 * are written after every row, so a long run leaves partial results behind.
 */
public final class ChallengeBenchmark {
    static final String MODEL_ID = "fmnist-cnn";

    private ChallengeBenchmark() {
    }

    /** A Retrain reference and the wall time it took. */
    private record Timed(ChallengeTrial.Reference reference, double seconds) {
    }

    public static ChallengeResult run(ChallengeOptions o, ProgressListener listener) {
        o.check();
        Device device = Devices.resolve(o.engine().device());
        UnlearnDataset whole = FashionMnist.load(o.engine().dataDir());
        UnlearnDataset data = whole.limitedTo(o.trainLimit());
        DataView nonMembers = ForgettingGate.nonMemberReference(whole, data);
        Map<String, Object> d = CONFIG_DEF.defaultValues();
        ChallengeTrial.Settings trial = new ChallengeTrial.Settings(o.seed(), (Integer) d.get(RETAIN_SAMPLE), (Integer) d.get(MIA_MAX_SHADOW),
                (Integer) d.get(CHALLENGE_RETRAIN_EPOCHS));
        EvaluationPolicy policy = EvaluationPolicy.ofDefaults();
        ForgettingGate gate = policy.gate(MODEL_ID);
        Map<String, Object> settings = settings(o, data, d);
        Map<String, Object> machine = MachineInfo.describe(device);
        List<ChallengeRow> rows = new ArrayList<>();
        Map<String, Timed> references = new HashMap<>();
        Map<String, WorstCaseForgetSet> sets = new HashMap<>();
        int m = o.forgetSize();
        try (Classifier base = BaseModelCache.obtain(o.engine().cache(), BaseModelCache.cnn(data, o.epochs(), o.seed()), data, device,
                listener.prefixed("bench/base")).model()) {
            List<String> random = data.randomForgetIds((double) m / data.train().size(), o.seed());
            for (String method : o.methods()) {
                Timed randomRef = references.computeIfAbsent(WorstCaseForgetSet.digestOf(random),
                        k -> retrain(base, data, nonMembers, random, trial, listener.prefixed("bench/random")));
                ChallengeTrial.Outcome r = ChallengeTrial.run(base, data, nonMembers, random, method, Map.of(), gate, trial,
                        randomRef.reference(), listener.prefixed("bench/random/" + method));
                ChallengeJudgement jr = policy.judgeChallenge(MODEL_ID, r);
                for (ForgetSetKind kind : o.sets()) {
                    ProgressListener l = listener.prefixed("bench/" + kind.label() + "/" + method);
                    ChallengeSetChoice choice = new ChallengeSetChoice(kind, (Integer) d.get(CHALLENGE_POOL), (Integer) d.get(CHALLENGE_OUTER),
                            (Integer) d.get(CHALLENGE_INNER), o.seed());
                    boolean perMethod = kind == ForgetSetKind.WORST || kind == ForgetSetKind.GATE_HARDEST;
                    String key = choice.cacheKey("base", perMethod ? method : "-", m, data.train().size());
                    WorstCaseForgetSet set = sets.computeIfAbsent(key, k -> choice.choose(base, data, nonMembers, m, method, Map.of(), "base", l));
                    Timed ref = references.computeIfAbsent(set.digest(), k -> retrain(base, data, nonMembers, set.ids(), trial, l));
                    long started = System.nanoTime();
                    ChallengeTrial.Outcome c = ChallengeTrial.run(base, data, nonMembers, set.ids(), method, Map.of(), gate, trial, ref.reference(), l);
                    double trialSeconds = (System.nanoTime() - started) / 1e9;
                    ChallengeJudgement jc = policy.judgeChallenge(MODEL_ID, c);
                    rows.add(new ChallengeRow(method, kind.label(), c.avgGap(), r.avgGap(), jc.verdict().name(), jr.verdict().name(),
                            c.excessAdvantage().advantage(), c.excessAdvantage().ciLow(), c.excessAdvantage().ciHigh(),
                            r.excessAdvantage().advantage(), c.gate().evidence().getDecision().name(), c.method().ua(), c.retrain().ua(),
                            jc.reasons(), set.cost().seconds(), c.method().rteSeconds(), ref.seconds(),
                            set.cost().seconds() + ref.seconds() + trialSeconds));
                    listener.onProgress(new io.unlearn.ml.ProgressEvent("bench/" + kind.label() + "/" + method + "/row", rows.size(),
                            o.sets().size() * o.methods().size(), Map.of("gap_challenge", c.avgGap(), "gap_random", r.avgGap())));
                    BenchWriters.write(new ChallengeResult(machine, settings, rows, false), ChallengeReport.REPORT, o.output());
                }
            }
        }
        ChallengeResult result = new ChallengeResult(machine, settings, rows, true);
        BenchWriters.write(result, ChallengeReport.REPORT, o.output());
        return result;
    }

    private static Timed retrain(Classifier base, UnlearnDataset data, DataView nonMembers, List<String> set, ChallengeTrial.Settings trial,
            ProgressListener l) {
        long started = System.nanoTime();
        ChallengeTrial.Reference ref = ChallengeTrial.retrain(base, data, nonMembers, set, trial, l);
        return new Timed(ref, (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Object> settings(ChallengeOptions o, UnlearnDataset data, Map<String, Object> d) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dataset", data.name() + " (the first " + data.train().size() + " training and " + data.test().size() + " test samples)");
        s.put("model", "CNN conv16-pool-conv32-pool-fc128-fc10, Adam 1e-3 cosine, batch 128, " + o.epochs()
                + " epochs (the demo's base; Retrain: the same recipe from scratch on the data minus the set)");
        s.put("forget_size", o.forgetSize());
        s.put("challenge", "the evaluator's defaults: pool " + d.get(CHALLENGE_POOL) + " (raised to 4m), " + d.get(CHALLENGE_OUTER)
                + " outer steps x K=" + d.get(CHALLENGE_INNER) + "; retain sample " + d.get(RETAIN_SAMPLE) + ", MIA shadow cap "
                + d.get(MIA_MAX_SHADOW) + "; policy defaults (EvaluationPolicy.ofDefaults)");
        s.put("methods", String.join(", ", o.methods()) + " (default hyperparameters)");
        s.put("seed", o.seed());
        s.put("quick", o.quick());
        return s;
    }
}
