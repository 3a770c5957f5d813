package io.unlearn.evaluator.internals;

import io.unlearn.ml.artifact.ArtifactRefusedException;
import static io.unlearn.evaluator.MetricKeys.*;

import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.EvaluatorException;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.WorstCaseChallenge;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TrainingLock;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.unlearn.UnlearningMethod;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import io.unlearn.ml.worstcase.WorstCaseSearch;
import io.unlearn.schemas.Digests;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worst-case challenge of an UNLEARNED version ("Challenging Forgets", ECCV'24): on the PARENT version, search the
 * forget set of the version's batch size that is hardest to unlearn (cached per parent and method), run the version's
 * method with its recorded hyperparameters on it, and score the result like the basic report; the report says how far
 * UA, MIA and TA fall compared with the actual forget set. Runs on the challenge thread; training goes through the
 * JVM-wide {@link TrainingLock}.
 */
public final class WorstCaseChallenger {
    private static final Logger log = LoggerFactory.getLogger(WorstCaseChallenger.class);
    private final UnlearnDataset data;
    private final ArtifactLoader loader;
    private final EvaluationPolicy policy;
    private final WorstCaseCache cache;
    private final Settings settings;
    private final Clock clock;

    /** Search size and scoring settings (EvaluatorConfig's challenge.* keys). */
    public record Settings(int poolSize, int outerSteps, int innerEpochs, long seed, int retainSample, int maxShadow) {
    }

    /** What the challenge needs, copied from the loop's state so the challenge thread shares nothing mutable. */
    public record Job(ModelVersion version, ModelVersion parent, Set<String> parentForgotten, EvaluationReport basic) {
    }

    public WorstCaseChallenger(UnlearnDataset data, ArtifactLoader loader, EvaluationPolicy policy, java.nio.file.Path dataDir,
                               Settings settings, Clock clock) {
        this.data = data;
        this.loader = loader;
        this.policy = policy;
        this.cache = new WorstCaseCache(dataDir);
        this.settings = settings;
        this.clock = clock;
    }

    public EvaluationReport run(Job job) {
        ModelVersion v = job.version();
        int m = v.getForgetSetSize();
        if (m < 1) {
            throw new EvaluatorException(v.getVersionId() + " records forgetSetSize " + m + "; the challenge needs the batch's size");
        }
        UnlearnDataset candidates = retainedBy(job.parentForgotten());
        int pool = Math.max(settings.poolSize(), 4 * m) >= candidates.train().size() ? 0 : Math.max(settings.poolSize(), 4 * m);
        UnlearningMethod method = UnlearningMethods.byName(v.getMethod());
        ProgressListener progress = e -> log.info("{} challenge: {}", v.getVersionId(), e);
        try (Classifier parent = loader.model(job.parent().getArtifactUri(), job.parent().getArtifactSha256())) {
            String key = String.join("|", job.parent().getVersionId(), method.name(), "m=" + m, "pool=" + pool,
                    "outer=" + settings.outerSteps(), "inner=" + settings.innerEpochs(), "seed=" + settings.seed());
            WorstCaseForgetSet set = cache.get(key, () -> TrainingLock.exclusively(() -> WorstCaseSearch.builder().setForgetSize(m)
                    .optPoolSize(pool).optOuterSteps(settings.outerSteps()).optInnerEpochs(settings.innerEpochs()).optSeed(settings.seed())
                    .optMethod(method.name()).optModelVersion(job.parent().getVersionId()).build().search(parent, candidates, progress)));
            UnlearningTask task = UnlearningTask.builder().setModel(parent).setDataset(candidates).setForgetIds(set.ids())
                    .optHyperparameters(recorded(v, method)).optSeed(settings.seed()).build();
            try (UnlearningResult r = TrainingLock.exclusively(() -> method.unlearn(task, progress))) {
                Scoring.Scores s = Scoring.score(r.model(), Scoring.views(candidates, set.ids(), Set.of(), settings.retainSample()),
                        true, settings.seed(), settings.maxShadow());
                return report(job, set, s, r.report().seconds());
            }
        } catch (ArtifactRefusedException e) {
            throw new EvaluatorException("the parent's artifact was refused, so the challenge cannot run: " + e.getMessage());
        }
    }

    private EvaluationReport report(Job job, WorstCaseForgetSet set, Scoring.Scores s, double methodSeconds) {
        Map<String, Double> basic = job.basic().getMetrics();
        Map<String, Double> m = new TreeMap<>();
        m.put(UA, s.ua());
        m.put(MIA_REFERENCE, s.miaReference());
        m.put(TA_DROP, basic.get(PARENT_TA) - s.ta());
        m.put("ua.drop.vs.actual", basic.get(UA) - s.ua());
        m.put("mia.drop.vs.actual", basic.get(MIA) - s.mia());
        m.put("ta.drop.vs.actual", basic.get(TA) - s.ta());
        m.put("search.seconds", set.cost().seconds());
        m.put("method.seconds", methodSeconds);
        List<String> failing = policy.judgeChallenge(job.version().getModelId(), m);
        WorstCaseChallenge wc = WorstCaseChallenge.newBuilder().setForgetSetSize(set.size()).setCandidatePoolSize(set.poolSize())
                .setForgetSetDigest(Digests.forgetSetDigest(set.ids())).setOuterSteps(settings.outerSteps())
                .setInnerSteps(settings.innerEpochs()).setSeed(settings.seed()).setUnlearningAccuracy(s.ua()).setRetainAccuracy(s.ra())
                .setTestAccuracy(s.ta()).setMiaEfficacy(s.mia()).setAvgGap(null).setMetrics(m).setPassed(failing.isEmpty()).build();
        return Reports.challenge(job.basic(), wc, failing, clock.instant());
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
