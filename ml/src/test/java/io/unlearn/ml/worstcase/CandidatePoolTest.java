package io.unlearn.ml.worstcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import org.junit.jupiter.api.Test;

class CandidatePoolTest {

    @Test
    void keepsEachClassShareAndIsSeeded() {
        DataView train = TestData.fashionSlice(3000, 10).train();
        DataView pool = CandidatePool.stratified(train, 500, 4);
        assertThat(pool.size()).isEqualTo(500);
        int[] all = new int[10];
        int[] kept = new int[10];
        for (int i = 0; i < train.size(); i++) {
            all[train.label(i)]++;
        }
        for (int i = 0; i < pool.size(); i++) {
            kept[pool.label(i)]++;
            if (i > 0) {
                assertThat(pool.row(i)).as("training order").isGreaterThan(pool.row(i - 1));
            }
        }
        for (int c = 0; c < 10; c++) {
            assertThat((double) kept[c]).isCloseTo(500.0 * all[c] / train.size(), org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(CandidatePool.stratified(train, 500, 4).ids()).containsExactlyElementsOf(pool.ids());
        assertThat(CandidatePool.stratified(train, 500, 5).ids()).isNotEqualTo(pool.ids());
        assertThat(CandidatePool.stratified(train, 0, 4)).isSameAs(train);
    }

    @Test
    void quotasAddUpByLargestRemainder() {
        assertThat(CandidatePool.quotas(new int[] {5, 3, 2}, 5, 10)).containsExactly(3, 1, 1);
        assertThat(CandidatePool.quotas(new int[] {1, 1, 1}, 2, 3)).containsExactly(1, 1, 0);
        assertThatThrownBy(() -> CandidatePool.stratified(TestData.fashionSlice(10, 10).train(), -1, 0))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("pool size must be >= 0");
    }
}
