package io.unlearn.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.unlearn.ml.UnlearnException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cut through a {@link Classifier} at one layer, where an SAE reads and rewrites activations. Names:
 * {@code penultimate} (the default: the encoder's output, {@code (B, encoderWidth)}) or {@code encoder.N}, the
 * output of the encoder's N-th child block (0-based; for the CNN {@code encoder.5} is the second pooling,
 * {@code (B, 32, 7, 7)}). Activations are flattened to {@code (B, width)}; {@link #logitsFrom} reshapes them
 * back and runs the rest of the network, so {@code logitsFrom(activations(x))} equals {@code model.logits(x)}.
 */
public final class ModelLayer {

    /** The default layer: the encoder's output, just before the head. */
    public static final String PENULTIMATE = "penultimate";

    private final Classifier model;
    private final String name;
    private final List<Block> below;
    private final List<Block> above;
    private final long[] sampleShape;

    private ModelLayer(Classifier model, String name, List<Block> below, List<Block> above, long[] sampleShape) {
        this.model = model;
        this.name = name;
        this.below = below;
        this.above = above;
        this.sampleShape = sampleShape;
    }

    /**
     * @param model the model
     * @param name {@code penultimate} or {@code encoder.N} (null means penultimate)
     * @return the cut
     * @throws UnlearnException naming the model's layers when the name is unknown
     */
    public static ModelLayer of(Classifier model, String name) {
        List<Block> encoder = model.encoder().getChildren().values();
        int cut = indexOf(model, name == null ? PENULTIMATE : name, encoder.size());
        String canonical = cut == encoder.size() - 1 ? PENULTIMATE : "encoder." + cut;
        List<Block> rest = new ArrayList<>(encoder.subList(cut + 1, encoder.size()));
        rest.add(model.head());
        List<Block> first = List.copyOf(encoder.subList(0, cut + 1));
        try (NDManager m = model.newManager()) {
            NDArray probe = m.zeros(new Shape(1).addAll(new Shape(model.spec().inputShapeArray())));
            long[] shape = run(first, m, probe).getShape().slice(1).getShape();
            return new ModelLayer(model, canonical, first, List.copyOf(rest), shape);
        }
    }

    private static int indexOf(Classifier model, String name, int children) {
        if (name.equals(PENULTIMATE)) {
            return children - 1;
        }
        if (name.startsWith("encoder.")) {
            try {
                int n = Integer.parseInt(name.substring("encoder.".length()));
                if (n >= 0 && n < children) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new UnlearnException("unknown layer '" + name + "' for a " + model.spec().architecture() + " model; use "
                + names(model));
    }

    /**
     * @param model the model
     * @return every layer name this model offers, penultimate first
     */
    public static List<String> names(Classifier model) {
        int children = model.encoder().getChildren().size();
        List<String> out = new ArrayList<>(List.of(PENULTIMATE));
        for (int i = 0; i < children - 1; i++) {
            out.add("encoder." + i);
        }
        return out;
    }

    /** @return the canonical layer name */
    public String name() { return name; }

    /** @return the model */
    public Classifier model() { return model; }

    /** @return the flattened width of one sample's activations */
    public int width() { return Math.toIntExact(Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b)); }

    /**
     * @param manager owner of the result
     * @param x inputs {@code (B, inputShape...)}
     * @return activations at this layer, flattened to {@code (B, width)}
     */
    public NDArray activations(NDManager manager, NDArray x) {
        return run(below, manager, x).reshape(x.getShape().get(0), width());
    }

    /**
     * @param manager owner of the result
     * @param activations {@code (B, width)}, possibly rewritten by an SAE
     * @return logits {@code (B, numClasses)}
     */
    public NDArray logitsFrom(NDManager manager, NDArray activations) {
        Shape shape = new Shape(activations.getShape().get(0)).addAll(new Shape(sampleShape));
        return run(above, manager, activations.reshape(shape));
    }

    /**
     * Continues the forward pass from activations at this layer up to the head's input: what the head would see
     * when this layer's activations were edited.
     *
     * @param manager owner of the result
     * @param activations {@code (B, width)}, possibly rewritten by an SAE
     * @return the penultimate layer's activations {@code (B, encoderWidth)}; at the penultimate layer the input
     *     itself
     */
    public NDArray penultimateFrom(NDManager manager, NDArray activations) {
        Shape shape = new Shape(activations.getShape().get(0)).addAll(new Shape(sampleShape));
        NDArray out = run(above.subList(0, above.size() - 1), manager, activations.reshape(shape));
        return out.reshape(activations.getShape().get(0), -1);
    }

    private static NDArray run(List<Block> blocks, NDManager manager, NDArray x) {
        NDList out = new NDList(x);
        ParameterStore store = new ParameterStore(manager, false);
        for (Block b : blocks) {
            out = b.forward(store, out, false);
        }
        return out.singletonOrThrow();
    }
}
