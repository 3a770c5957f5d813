package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConceptSplitsTest {

    @Test
    void calibrationAndEvaluationAreDisjointAndCoverTheTestSplit() {
        UnlearnDataset data = TestData.blobs(42, 3, 5, false); // 21 test samples: an odd count
        DataView calibration = ConceptSplits.calibration(data);
        DataView evaluation = ConceptSplits.evaluation(data);
        Set<String> overlap = new HashSet<>(calibration.ids());
        overlap.retainAll(evaluation.ids());
        assertTrue(overlap.isEmpty(), "samples in both halves: " + overlap);
        List<String> both = new ArrayList<>(calibration.ids());
        both.addAll(evaluation.ids());
        assertEquals(data.test().ids(), both, "calibration then evaluation is the test split, in its order");
        assertEquals(10, calibration.size());
        assertEquals(11, evaluation.size());
    }

    @Test
    void aTestSplitTooSmallToHalveIsRefused() {
        UnlearnDataset data = TestData.blobs(40, 3, 5, false).head(40, 1);
        UnlearnException e = assertThrows(UnlearnException.class, () -> ConceptSplits.evaluation(data));
        assertTrue(e.getMessage().contains("has 1 sample(s)"), e.getMessage());
    }
}
