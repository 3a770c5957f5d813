package io.unlearn.evaluator.internals;

import static io.unlearn.evaluator.MetricKeys.*;

import io.unlearn.evaluator.ChallengeJudgement;
import io.unlearn.evaluator.ChallengeSetChoice;
import io.unlearn.evaluator.ChallengeTrial;
import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.EvaluatorException;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.WorstCaseChallenge;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TrainingLock;
import io.unlearn.ml.artifact.ArtifactRefusedException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.unlearn.UnlearningMethod;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import io.unlearn.schemas.Digests;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worst-case challenge of a version ("Challenging Forgets", ECCV'24, judged against Retrain): on the PARENT, choose the
 * challenge set S of the version's batch size from the parent's retained data ({@link ChallengeSetChoice}, cached per
 * parent, method, kind, size and settings), run the version's method with its recorded hyperparameters and Retrain on it
 * ({@link ChallengeTrial}), judge ({@link EvaluationPolicy#judgeChallenge}) and build the challenge report
 * ({@link Reports#challenge}, which binds a failure). Runs on the challenge thread; training goes through the JVM-wide
 * {@link TrainingLock}. Throws when the challenge cannot run; the {@link ChallengeRunner} retries.
 */
public final class WorstCaseChallenger implements Challenger {
    private static final Logger log = LoggerFactory.getLogger(WorstCaseChallenger.class);
    private final UnlearnDataset data;
    private final DataView nonMembers;
    private final ArtifactLoader loader;
    private final EvaluationPolicy policy;
    private final WorstCaseCache cache;
    private final Settings settings;
    private final Clock clock;

    /**
     * The set choice and the trial's settings (EvaluatorConfig's challenge.* keys).
     *
     * @param minForgetSize the challenge set's least size (challenge.min.forget.size)
     */
    public record Settings(ChallengeSetChoice choice, ChallengeTrial.Settings trial, int minForgetSize) {
    }

    /**
     * @param whole the whole dataset (the gate's non-member reference lies beyond {@code data})
     * @param data the slice the models were trained on
     */
    public WorstCaseChallenger(UnlearnDataset whole, UnlearnDataset data, ArtifactLoader loader, EvaluationPolicy policy,
                               java.nio.file.Path dataDir, Settings settings, Clock clock) {
        this.data = data;
        this.nonMembers = io.unlearn.evaluator.ForgettingGate.nonMemberReference(whole, data);
        this.loader = loader;
        this.policy = policy;
        this.cache = new WorstCaseCache(dataDir);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The challenge set's size: the batch's, but at least {@code min} (on a tiny batch one sample is a gap of 100/m points)
     * unless that would take more than a quarter of the candidates (the rest must stay to retrain on).
     */
    static int challengeSize(int batch, int min, int candidates) {
        return Math.max(batch, Math.min(min, candidates / 4));
    }

    @Override
    public EvaluationReport run(Job job) {
        ModelVersion v = job.version();
        if (v.getForgetSetSize() < 1) {
            throw new EvaluatorException(v.getVersionId() + " records forgetSetSize " + v.getForgetSetSize() + "; the challenge needs the batch's size");
        }
        UnlearnDataset candidates = retainedBy(job.parentForgotten());
        int m = challengeSize(v.getForgetSetSize(), settings.minForgetSize(), candidates.train().size());
        UnlearningMethod method = UnlearningMethods.byName(v.getMethod());
        Map<String, Number> hp = recorded(v, method);
        ProgressListener progress = e -> log.debug("{} challenge: {}", v.getVersionId(), e);
        ChallengeSetChoice choice = settings.choice();
        try (Classifier parent = loader.model(job.parent().getArtifactUri(), job.parent().getArtifactSha256())) {
            String key = choice.cacheKey(job.parent().getVersionId(), method.name(), m, candidates.train().size());
            WorstCaseForgetSet set = cache.get(key, () -> TrainingLock.exclusively(() -> choice.choose(parent, candidates, nonMembers, m,
                    method.name(), hp, job.parent().getVersionId(), progress)));
            ChallengeTrial.Outcome o = ChallengeTrial.run(parent, candidates, nonMembers, set.ids(), method.name(), hp,
                    policy.gate(v.getModelId()), settings.trial(), progress);
            ChallengeJudgement j = policy.judgeChallenge(v.getModelId(), o);
            return Reports.challenge(job.basic(), challenge(set, o, j, job.attempt(), job.basic()), j, clock.instant());
        } catch (ArtifactRefusedException e) {
            throw new EvaluatorException("the parent's artifact was refused, so the challenge cannot run: " + e.getMessage());
        }
    }

    @Override
    public String setKind() {
        return settings.choice().kind().label();
    }

    private WorstCaseChallenge challenge(WorstCaseForgetSet set, ChallengeTrial.Outcome o, ChallengeJudgement j, int attempt,
            EvaluationReport basic) {
        Map<String, Double> m = new TreeMap<>();
        Double parentTa = basic.getMetrics().get(PARENT_TA);
        if (parentTa != null) {
            m.put(TA_DROP, parentTa - o.method().ta()); // reported (the demo shows it); the gap to Retrain is what is judged
        }
        m.put(CHALLENGE_AVG_GAP, o.avgGap());
        m.put(CHALLENGE_EXCESS_ADVANTAGE, o.excessAdvantage().advantage());
        m.put(CHALLENGE_EXCESS_ADVANTAGE_LOW, o.excessAdvantage().ciLow());
        m.put(CHALLENGE_EXCESS_ADVANTAGE_HIGH, o.excessAdvantage().ciHigh());
        m.put(MEMBERSHIP_ADVANTAGE, o.methodAdvantage().advantage());
        m.put("retrain." + MEMBERSHIP_ADVANTAGE, o.retrainAdvantage().advantage());
        m.put("retrain." + UA, o.retrain().ua());
        m.put("retrain." + RA, o.retrain().ra());
        m.put("retrain." + TA, o.retrain().ta());
        m.put("retrain." + MIA, o.retrain().mia());
        m.put("method.seconds", o.method().rteSeconds());
        m.put("retrain.seconds", o.retrain().rteSeconds());
        m.put("search.seconds", set.cost().seconds());
        return WorstCaseChallenge.newBuilder().setForgetSetSize(set.size()).setCandidatePoolSize(set.poolSize())
                .setForgetSetDigest(Digests.forgetSetDigest(set.ids())).setOuterSteps(settings.choice().outerSteps())
                .setInnerSteps(settings.choice().innerEpochs()).setSeed(settings.choice().seed())
                .setUnlearningAccuracy(o.method().ua()).setRetainAccuracy(o.method().ra()).setTestAccuracy(o.method().ta())
                .setMiaEfficacy(o.method().mia()).setAvgGap(o.avgGap()).setMetrics(m).setPassed(!j.failed())
                .setSetKind(settings.choice().kind().label()).setVerdict(j.verdict()).setReasons(j.reasons())
                .setGateDecision(o.gate().evidence().getDecision()).setAttempts(attempt).build();
    }

    /** The version's numeric hyperparameters that its method takes (text values such as architecture are skipped). */
    private static Map<String, Number> recorded(ModelVersion v, UnlearningMethod method) {
        Map<String, Number> out = new HashMap<>();
        Set<String> known = method.defaults().asMap().keySet();
        v.getHyperparameters().forEach((k, text) -> {
            try {
                if (known.contains(k)) {
                    out.put(k, Double.parseDouble(text));
                }
            } catch (NumberFormatException e) {
                log.debug("{}: hyperparameter {}={} is not a number; the method's default is used", v.getVersionId(), k, text);
            }
        });
        return out;
    }

    /** The training samples the parent was trained on (never its forgotten ones), with the same test set. */
    private UnlearnDataset retainedBy(Set<String> forgotten) {
        DataView train = data.train();
        int[] rows = IntStream.range(0, train.size()).filter(i -> !forgotten.contains(train.id(i))).map(train::row).toArray();
        return new UnlearnDataset(DataView.of(train.source(), rows), data.test());
    }
}
