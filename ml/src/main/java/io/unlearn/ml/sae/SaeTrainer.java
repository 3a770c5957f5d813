package io.unlearn.ml.sae;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.train.BatchOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link SparseAutoencoder} on captured activations {@code (n, d)}: Adam on the scale-free loss of
 * {@link SaeSpec}; for TopK the AuxK loss reconstructs the residual {@code x − x̂} (no gradient into it) from the
 * top {@code auxK} dead latents; after each backward the decoder gradient's component along each decoder row
 * is removed and the rows are renormalised to unit length. Deterministic for a seed and thread count. Uses
 * DJL's global gradient collector: do not train on two threads of one JVM at once.
 */
public final class SaeTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SaeTrainer.class);

    private SaeTrainer() {
    }

    /**
     * A trained SAE (close it) and its report.
     *
     * @param sae the SAE, parameters no longer recording gradients
     * @param report what training did
     */
    public record Trained(SparseAutoencoder sae, SaeTrainingReport report) {
    }

    /**
     * @param activations training rows {@code (n, d)}
     * @param parentModelSha256 the model version the activations come from
     * @param spec kind, sizes and recipe
     * @param device where to train
     * @param listener one event per epoch (stage {@code sae/train})
     * @return the SAE and report
     */
    public static Trained train(Activations activations, String parentModelSha256, SaeSpec spec, Device device,
            ProgressListener listener) {
        int n = activations.size();
        int d = activations.width();
        if (n < 2) {
            throw new UnlearnException("SAE training needs at least 2 activation rows, got " + n + "; capture more");
        }
        SaeIdentity id = new SaeIdentity(activations.layer(), parentModelSha256, d, spec.latents(d), spec);
        if (spec.kind() == SaeKind.TOPK && spec.k() > id.latents()) {
            throw new UnlearnException("k = " + spec.k() + " exceeds the dictionary size " + id.latents()
                    + "; lower k or raise the expansion");
        }
        double variance = Math.max(activations.totalVariance(), 1e-12);
        io.unlearn.ml.GradMode.disableOnThisThread();
        long start = System.nanoTime();
        BatchOrder order = new BatchOrder(spec.seed());
        long[] sinceFired = new long[id.latents()];
        List<Double> losses = new ArrayList<>();
        List<Double> fvus = new ArrayList<>();
        try (SparseAutoencoder sae = SparseAutoencoder.initialise(id, activations.mean(), device);
                NDManager state = sae.newManager()) {
            sae.parameters().forEach(p -> p.setRequiresGradient(true));
            SaeAdam adam = new SaeAdam(sae.parameters(), state, spec.learningRate());
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                int[] perm = order.shuffled(n);
                double lossSum = 0;
                double fvuSum = 0;
                int batches = 0;
                for (int from = 0; from < n; from += spec.batchSize()) {
                    int to = Math.min(n, from + spec.batchSize());
                    try (NDManager m = sae.newManager()) {
                        m.tempAttachAll(sae.parameters().toArray(NDArray[]::new));
                        m.tempAttachAll(adam.state().toArray(NDArray[]::new));
                        double[] lf = step(sae, adam, activations.rows(m, perm, from, to), variance, sinceFired);
                        lossSum += lf[0];
                        fvuSum += lf[1];
                        batches++;
                    }
                }
                losses.add(lossSum / batches);
                fvus.add(fvuSum / batches);
                listener.onProgress(new ProgressEvent("sae/train", epoch, spec.epochs(), Map.of("loss",
                        lossSum / batches, "fvu", fvuSum / batches, "deadShare", deadShare(sinceFired, spec))));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("trained {} SAE {}→{} on {} rows of layer {} in {} s (train FVU {})", spec.kind(), d,
                    id.latents(), n, id.layer(), String.format("%.1f", seconds), fvus.get(fvus.size() - 1));
            SparseAutoencoder result = SaeBytes.read(sae.toBytes(), device); // a copy without gradient state
            return new Trained(result, new SaeTrainingReport(losses, fvus, deadShare(sinceFired, spec), n, seconds));
        }
    }

    private static double[] step(SparseAutoencoder sae, SaeAdam adam, NDArray x, double variance, long[] sinceFired) {
        SaeSpec spec = sae.identity().spec();
        boolean topK = spec.kind() == SaeKind.TOPK;
        float[] deadBias = new float[sinceFired.length];
        int dead = 0;
        for (int i = 0; i < sinceFired.length; i++) {
            boolean isDead = sinceFired[i] >= spec.deadAfterSamples();
            deadBias[i] = isDead ? 0f : -1e9f;
            dead += isDead ? 1 : 0;
        }
        NDArray z;
        double loss;
        double fvu;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray pre = sae.preActivations(x);
            z = SparseAutoencoder.activate(pre, topK ? spec.k() : 0);
            NDArray residual = x.sub(sae.decode(z));
            NDArray mse = residual.square().sum(new int[] {1}).mean().div((float) variance);
            NDArray total = mse;
            if (topK && dead > 0 && spec.auxK() > 0 && spec.auxCoefficient() > 0) {
                NDArray zAux = SparseAutoencoder.activate(pre.add(x.getManager().create(deadBias)),
                        Math.min(spec.auxK(), dead));
                NDArray aux = zAux.matMul(sae.decoder()).sub(residual.stopGradient()).square()
                        .sum(new int[] {1}).mean().div((float) variance);
                total = total.add(aux.mul((float) spec.auxCoefficient()));
            }
            if (!topK && spec.l1Coefficient() > 0) {
                total = total.add(z.abs().sum(new int[] {1}).mean()
                        .mul((float) (spec.l1Coefficient() / Math.sqrt(variance))));
            }
            fvu = mse.getFloat();
            loss = total.getFloat();
            if (!Double.isFinite(loss)) {
                throw new UnlearnException("SAE loss became " + loss + " (learning rate " + spec.learningRate()
                        + "); lower the learning rate and check the activations for NaN");
            }
            collector.backward(total);
        }
        long[] fired = z.gt(0f).toType(DataType.INT64, false).sum(new int[] {0}).toLongArray();
        for (int i = 0; i < fired.length; i++) {
            sinceFired[i] = fired[i] > 0 ? 0 : sinceFired[i] + x.getShape().get(0);
        }
        NDArray w = sae.decoder();
        NDArray g = w.getGradient();
        g.subi(g.mul(w).sum(new int[] {1}, true).mul(w)); // keep only the part orthogonal to each unit row
        adam.step();
        w.divi(w.norm(new int[] {1}, true).add(1e-8f));
        return new double[] {loss, fvu};
    }

    private static double deadShare(long[] sinceFired, SaeSpec spec) {
        long dead = java.util.Arrays.stream(sinceFired).filter(s -> s >= spec.deadAfterSamples()).count();
        return (double) dead / sinceFired.length;
    }
}
