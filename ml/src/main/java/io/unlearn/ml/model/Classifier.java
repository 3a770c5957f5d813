package io.unlearn.ml.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.internals.ParameterBytes;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * A DJL {@link Model} with the {@link ModelSpec} it was built from. Owns native memory: close it
 * (try-with-resources). Inputs are batches {@code (B, inputShape...)}; logits are {@code (B, numClasses)}.
 */
public final class Classifier implements AutoCloseable {

    private final Model model;
    private final ModelSpec spec;

    private Classifier(Model model, ModelSpec spec) {
        this.model = model;
        this.spec = spec;
    }

    /**
     * Builds and initialises a fresh model. Parameter initialisation is seeded with
     * {@code spec.training().seed()}, so the same spec gives the same initial parameters.
     *
     * @param spec the architecture and recipe
     * @param device where the parameters live
     * @return the new model
     */
    public static Classifier create(ModelSpec spec, Device device) {
        Model model = Model.newInstance("classifier", device, "PyTorch");
        try {
            model.setBlock(Networks.build(spec));
            Engine.getInstance().setRandomSeed((int) spec.training().seed());
            Shape input = new Shape(1).addAll(new Shape(spec.inputShapeArray()));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, input);
            return new Classifier(model, spec);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Rebuilds a model from serialised parameters (as returned by {@link #parameterBytes()}).
     *
     * @param spec the architecture the parameters belong to
     * @param parameters the parameter bytes
     * @param device where the parameters live
     * @return the model, bit-identical to the one serialised
     */
    public static Classifier fromParameters(ModelSpec spec, byte[] parameters, Device device) {
        Model model = Model.newInstance("classifier", device, "PyTorch");
        try {
            model.setBlock(Networks.build(spec));
            model.getBlock().loadParameters(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(parameters)));
            return new Classifier(model, spec);
        } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
            model.close();
            throw new UnlearnException("parameters do not fit the model spec " + spec.architecture() + " "
                    + spec.hidden() + " (" + e.getMessage() + "); load them with the spec they were saved with", e);
        }
    }

    /** @return an independent copy (same spec, same parameters, same device) */
    public Classifier copy() {
        return fromParameters(spec, parameterBytes(), model.getNDManager().getDevice());
    }

    /** @return the spec */
    public ModelSpec spec() { return spec; }

    /** @return the DJL model (for trainers; do not close it directly) */
    public Model model() { return model; }

    /** @return the device the parameters live on */
    public Device device() { return model.getNDManager().getDevice(); }

    /** @return the root {@code SequentialBlock(encoder, head)} */
    public Block block() { return model.getBlock(); }

    /** @return the encoder: {@code (B, inputShape...) → (B, encoderWidth)} */
    public Block encoder() { return Networks.encoder(model.getBlock()); }

    /** @return the head: {@code (B, encoderWidth) → (B, numClasses)} */
    public Block head() { return Networks.head(model.getBlock()); }

    /** @return a new manager on this model's device; close it after each chunk of work */
    public NDManager newManager() { return model.getNDManager().newSubManager(); }

    /**
     * Inference logits (no gradients recorded).
     *
     * @param manager owner of intermediate arrays and the result
     * @param x batch {@code (B, inputShape...)}
     * @return logits {@code (B, numClasses)}
     */
    public NDArray logits(NDManager manager, NDArray x) {
        return forward(model.getBlock(), manager, x);
    }

    /**
     * Encoder activations, the layer a sparse autoencoder is spliced into.
     *
     * @param manager owner of the result
     * @param x batch {@code (B, inputShape...)}
     * @return features {@code (B, encoderWidth)}
     */
    public NDArray encode(NDManager manager, NDArray x) {
        return forward(encoder(), manager, x);
    }

    /**
     * Runs only the head.
     *
     * @param manager owner of the result
     * @param features {@code (B, encoderWidth)}
     * @return logits {@code (B, numClasses)}
     */
    public NDArray headLogits(NDManager manager, NDArray features) {
        return forward(head(), manager, features);
    }

    private static NDArray forward(Block block, NDManager manager, NDArray x) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
    }

    /** @return the parameters serialised in DJL's block format (deterministic for equal parameters) */
    public byte[] parameterBytes() {
        return ParameterBytes.of(model.getBlock());
    }

    /** @return the sha256 (hex) of {@link #parameterBytes()}: the model's content address */
    public String sha256() {
        return ParameterBytes.sha256(parameterBytes());
    }

    /** @return the number of scalar parameters */
    public long parameterCount() {
        return model.getBlock().getParameters().stream().map(Pair::getValue)
                .mapToLong(p -> p.getArray().size()).sum();
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * @param logits {@code (n, classes)}
     * @return the predicted class of each row, {@code n} ints
     */
    public static int[] predictedClasses(NDArray logits) {
        return logits.argMax(1).toType(DataType.INT32, false).toIntArray();
    }
}
