package io.unlearn.ml.scratch;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.*;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.ModelTraining;
import org.junit.jupiter.api.Test;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

class ScratchTest {
    @Test
    void mia() throws Exception {
        UnlearnDataset data = TestData.fashionSlice(10000, 2000);
        ForgetSplit split = data.split(data.randomForgetIds(0.1, 9));
        try (Classifier m = ModelTraining.trainNew(TestData.smallMlp(6, 4), data.train(), TestData.cpu(), ProgressListener.NONE).model()) {
            Predictions f = Predictor.predict(m, split.forget());
            Predictions r = Predictor.predict(m, split.retain());
            Predictions t = Predictor.predict(m, split.test());
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 2000; i++) sb.append(r.trueLabelProbability()[i]).append(",1\n");
            for (int i = 0; i < 2000; i++) sb.append(t.trueLabelProbability()[i]).append(",0\n");
            for (int i = 0; i < f.size(); i++) sb.append(f.trueLabelProbability()[i]).append(",2\n");
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/mia.csv"), sb);
            System.out.printf("acc r %.3f t %.3f f %.3f%n", r.accuracy(), t.accuracy(), f.accuracy());
            for (int epochs : new int[] {2, 3}) { for (int rep : new int[] {1, 5}) {
                long t0 = System.nanoTime();
                MathEx.setSeed(1);
                double[][] x = new double[4000*rep][]; int[] y = new int[4000*rep]; java.util.Random rnd = new java.util.Random(1);
                for (int k = 0; k < rep; k++) for (int i = 0; i < 2000; i++) { double j = k == 0 ? 0 : rnd.nextGaussian()*1e-4; x[k*4000+i] = new double[]{Math.min(1, r.trueLabelProbability()[i]+j)}; y[k*4000+i] = 1; x[k*4000+2000+i] = new double[]{Math.min(1,t.trueLabelProbability()[i]+j)}; y[k*4000+2000+i] = -1; }
                SVM<double[]> svm = SVM.fit(x, y, new GaussianKernel(Math.sqrt(0.5)), 3.0, 1e-3, epochs);
                int nm = 0; for (float p : f.trueLabelProbability()) if (svm.predict(new double[]{p}) < 0) nm++;
                int correct = 0; for (int i = 0; i < x.length; i++) if (svm.predict(x[i]) == y[i]) correct++;
                System.out.printf("rep " + rep + " epochs %d: mia %.2f train acc %.3f, %.2fs; scores at p=.5 %.4f p=.99 %.4f p=.9999 %.4f%n", epochs, 100.0*nm/f.size(), (double) correct/x.length, (System.nanoTime()-t0)/1e9,
                    svm.score(new double[]{0.5}), svm.score(new double[]{0.99}), svm.score(new double[]{0.9999}));
            } }
        }
    }
}
