package io.unlearn.ml.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.Backdoor;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.NamedDataset;
import io.unlearn.ml.data.StampedDataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule for concepts given by examples: a pattern when the dataset pairs them, their classes when clean, else refused. */
class ExampleConceptsTest {
    private static final StampedDataset STAMPED = StampedDataset.of(TestData.fashionSlice(1000, 200), Backdoor.ofDefaults());
    private static final ExampleConcepts RULE = ExampleConcepts.of(NamedDataset.of(STAMPED));

    @Test
    void stampedSamplesOfAStampedDatasetAreAPatternAndCleanOnesStandForTheirClasses() {
        List<String> stamped = List.copyOf(STAMPED.stampedTrainIds()).subList(0, 10);
        assertThat(RULE.kindOf("stamp", stamped)).isEqualTo(ExampleConcepts.Kind.PATTERN);
        assertThat(RULE.kindOf("clean", clean(3))).isEqualTo(ExampleConcepts.Kind.CLASSES);
        PatternConcept p = RULE.pattern("stamp", stamped);
        assertThat(p.concept().sampleIds()).containsExactlyInAnyOrderElementsOf(stamped);
        DataView scoring = p.scoringView(STAMPED.dataset().train());
        assertThat(scoring.ids()).as("unnamed stamped samples are neither examples nor counter-examples")
                .containsAll(stamped).noneMatch(id -> StampedDataset.isStamped(id) && !stamped.contains(id))
                .hasSize(STAMPED.dataset().train().size() - STAMPED.stampedTrainIds().size() + stamped.size());
    }

    @Test
    void examplesThatAreNeitherAreRefusedWithTheReason() {
        List<String> mixed = new ArrayList<>(List.copyOf(STAMPED.stampedTrainIds()).subList(0, 2));
        mixed.addAll(clean(1));
        assertThatThrownBy(() -> RULE.kindOf("mixed", mixed)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("mixes 2 stamped example(s)").hasMessageContaining("send one request for each");
        assertThatThrownBy(() -> ExampleConcepts.of(NamedDataset.of(STAMPED.dataset())).kindOf("stamp", List.copyOf(STAMPED.stampedTrainIds())))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("offers no paired views");
        assertThatThrownBy(() -> RULE.kindOf("outside", List.of("fmnist-stamped/train/059999-stamped")))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("not training samples of fmnist-stamped in this slice");
        assertThatThrownBy(() -> RULE.pattern("clean", clean(2))).isInstanceOf(UnlearnException.class);
    }

    @Test
    void aNamedDatasetKeepsItsPairedViewsWhenSliced() {
        NamedDataset sliced = NamedDataset.of(STAMPED).limitedTo(500);
        assertThat(sliced.stamped()).isPresent();
        assertThat(sliced.stamped().orElseThrow().dataset()).isSameAs(sliced.dataset());
        assertThat(sliced.dataset().train().size()).isEqualTo(500);
        assertThat(sliced.stamped().orElseThrow().stampedTrainIds()).isSubsetOf(STAMPED.stampedTrainIds());
    }

    private static List<String> clean(int n) {
        return STAMPED.dataset().train().ids().stream().filter(id -> !StampedDataset.isStamped(id)).limit(n).toList();
    }
}
