package io.unlearn.ml.worstcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.UnlearnException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorstCaseForgetSetTest {

    private static WorstCaseForgetSet sample() {
        return WorstCaseForgetSet.of(SearchMode.WORST, "fmnist", List.of("fmnist/train/000009", "fmnist/train/000002"),
                List.of(0.9, 0.7), "abc123", "ft", 100, 5L, Map.of("outer_steps", 20.0),
                new SearchCost(1.5, 20, 200, 20_000, 2_000));
    }

    @Test
    void idsAreSortedWithTheirScoresAndTheDigestCoversTheSortedIds() {
        WorstCaseForgetSet set = sample();
        assertThat(set.ids()).containsExactly("fmnist/train/000002", "fmnist/train/000009");
        assertThat(set.scores()).containsExactly(0.7, 0.9);
        assertThat(set.digest()).hasSize(64)
                .isEqualTo(WorstCaseForgetSet.digestOf(List.of("fmnist/train/000009", "fmnist/train/000002")))
                .isNotEqualTo(WorstCaseForgetSet.digestOf(List.of("fmnist/train/000002")));
    }

    @Test
    void jsonRoundTripsAndRejectsATamperedSet() {
        WorstCaseForgetSet set = sample();
        String json = set.toJson();
        assertThat(WorstCaseForgetSet.fromJson(json)).isEqualTo(set);
        assertThat(json).contains("\"modelVersion\"").contains("\"method\" : \"ft\"").contains("\"lowerLevelEpochs\"");
        String tampered = json.replace("000009", "000010");
        assertThatThrownBy(() -> WorstCaseForgetSet.fromJson(tampered)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("does not match its 2 ids");
        assertThatThrownBy(() -> WorstCaseForgetSet.fromJson("{not json")).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("WorstCaseForgetSet.toJson()");
        assertThatThrownBy(() -> new WorstCaseForgetSet(ForgetSetKind.WORST, SearchMode.WORST, "ft", "x", List.of("b", "a"),
                List.of(1.0, 1.0), WorstCaseForgetSet.digestOf(List.of("a", "b")), "v", "ft", 3, 0, Map.of(), set.cost()))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("sorted and unique");
    }

    @Test
    void theKindRoundTripsAndJsonWrittenBeforeKindsReadsAsWorst() {
        WorstCaseForgetSet lowest = WorstCaseForgetSet.of(ForgetSetKind.LOWEST_LOSS, SearchMode.WORST, null, "fmnist",
                List.of("fmnist/train/000004"), List.of(0.01), "v1", "rl", 50, 3L, Map.of(),
                new SearchCost(0.1, 0, 0, 0, 50));
        String json = lowest.toJson();
        assertThat(json).contains("\"kind\" : \"LOWEST_LOSS\"");
        assertThat(WorstCaseForgetSet.fromJson(json)).isEqualTo(lowest);
        String old = sample().toJson().replaceAll("\"kind\" : \"WORST\",\\s*", "")
                .replaceAll("\"lowerLevel\" : \"ft\",\\s*", "");
        assertThat(old).doesNotContain("\"kind\"").doesNotContain("lowerLevel\"");
        WorstCaseForgetSet read = WorstCaseForgetSet.fromJson(old);
        assertThat(read.kind()).isEqualTo(ForgetSetKind.WORST);
        assertThat(read.lowerLevel()).isNull();
        assertThat(read.ids()).isEqualTo(sample().ids());
    }
}
