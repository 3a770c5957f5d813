package io.unlearn.ml.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * Builds the DJL blocks of a {@link ModelSpec}. Every network is {@code SequentialBlock(encoder, head)}:
 * the encoder maps a batch {@code (B, inputShape...)} to features {@code (B, encoderWidth)}, the head
 * maps features to logits {@code (B, numClasses)}. {@code head(encoder(x))} is bit-identical to the
 * whole block, which is where a sparse autoencoder is spliced in.
 */
public final class Networks {

    /** Index of the encoder among the root block's children. */
    public static final int ENCODER = 0;
    /** Index of the head among the root block's children. */
    public static final int HEAD = 1;

    private Networks() {
    }

    /**
     * @param spec the architecture
     * @return an uninitialised {@code SequentialBlock(encoder, head)}
     */
    public static SequentialBlock build(ModelSpec spec) {
        SequentialBlock encoder = switch (spec.architecture()) {
            case MLP -> mlpEncoder(spec);
            case CNN -> cnnEncoder(spec);
        };
        SequentialBlock head = new SequentialBlock()
                .add(Linear.builder().setUnits(spec.numClasses()).build());
        return new SequentialBlock().add(encoder).add(head);
    }

    private static SequentialBlock mlpEncoder(ModelSpec spec) {
        SequentialBlock encoder = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int width : spec.hidden()) {
            encoder.add(Linear.builder().setUnits(width).build()).add(Activation.reluBlock());
        }
        return encoder;
    }

    private static SequentialBlock cnnEncoder(ModelSpec spec) {
        Shape k3 = new Shape(3, 3);
        Shape pad1 = new Shape(1, 1);
        Shape two = new Shape(2, 2);
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(k3).optPadding(pad1).setFilters(spec.hidden().get(0)).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(two, two))
                .add(Conv2d.builder().setKernelShape(k3).optPadding(pad1).setFilters(spec.hidden().get(1)).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(two, two))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(spec.hidden().get(2)).build())
                .add(Activation.reluBlock());
    }

    /**
     * @param root a block built by {@link #build}
     * @return its encoder
     */
    public static Block encoder(Block root) {
        return root.getChildren().get(ENCODER).getValue();
    }

    /**
     * @param root a block built by {@link #build}
     * @return its head
     */
    public static Block head(Block root) {
        return root.getChildren().get(HEAD).getValue();
    }
}
