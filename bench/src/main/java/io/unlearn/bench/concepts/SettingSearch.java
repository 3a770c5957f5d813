package io.unlearn.bench.concepts;

import io.unlearn.ml.UnlearnException;
import java.util.List;
import java.util.function.Function;

/**
 * Tries the settings of a weight-editing method one after the other and keeps the model the
 * {@link CalibrationRule} prefers; every other model is closed as soon as it loses, so at most two are open.
 */
final class SettingSearch {

    /**
     * The winner.
     *
     * @param setting its setting
     * @param model its model (the caller closes it)
     * @param score its calibration score
     * @param <S> the setting type
     * @param <M> the model type
     */
    record Pick<S, M extends AutoCloseable>(S setting, M model, CalibrationRule.Score score) {
    }

    private SettingSearch() {
    }

    /**
     * @param settings the settings, in the order ties are broken (earlier wins)
     * @param train builds the model of a setting
     * @param score scores a model on the calibration half
     * @param rule the selection rule
     * @return the preferred setting and its open model
     */
    static <S, M extends AutoCloseable> Pick<S, M> best(List<S> settings, Function<S, M> train,
            Function<M, CalibrationRule.Score> score, CalibrationRule rule) {
        if (settings.isEmpty()) {
            throw new UnlearnException("no setting to try: give at least one learning rate and method");
        }
        Pick<S, M> best = null;
        try {
            for (S setting : settings) {
                M model = train.apply(setting);
                Pick<S, M> candidate = new Pick<>(setting, model, score(score, model));
                if (best == null || rule.prefers(candidate.score(), best.score())) {
                    if (best != null) {
                        close(best.model());
                    }
                    best = candidate;
                } else {
                    close(model);
                }
            }
            return best;
        } catch (RuntimeException e) {
            if (best != null) {
                close(best.model());
            }
            throw e;
        }
    }

    private static <M extends AutoCloseable> CalibrationRule.Score score(Function<M, CalibrationRule.Score> score,
            M model) {
        try {
            return score.apply(model);
        } catch (RuntimeException e) {
            close(model);
            throw e;
        }
    }

    private static void close(AutoCloseable model) {
        try {
            model.close();
        } catch (Exception e) {
            throw new UnlearnException("cannot close a candidate model: " + e.getMessage(), e);
        }
    }
}
