package io.unlearn.ml.data;

import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.UnlearnException;

/**
 * The fixed visual pattern of a {@link StampedDataset}: a {@value #SIZE}×{@value #SIZE} black-and-white checkerboard
 * pasted {@value #MARGIN} pixel in from the bottom-right corner of an image (rows and columns
 * {@code H−5..H−2} and {@code W−5..W−2}; 23..26 on Fashion-MNIST's 28×28), its top-left cell white (1.0), in every
 * channel. A checkerboard is high-contrast and absent from natural images of clothing, whose corners are mostly
 * black, so a model can only tie it to a label by learning the pattern itself.
 */
public final class CornerStamp {

    /** Side of the checkerboard in pixels. */
    public static final int SIZE = 4;
    /** Distance of the checkerboard from the bottom and right edges, in pixels. */
    public static final int MARGIN = 1;

    private CornerStamp() {
    }

    /**
     * @param sampleShape one image's shape, {@code (channels, height, width)}
     * @throws UnlearnException when the samples are not images large enough to hold the stamp
     */
    public static void checkFits(Shape sampleShape) {
        if (sampleShape.dimension() != 3 || sampleShape.get(1) < SIZE + MARGIN || sampleShape.get(2) < SIZE + MARGIN) {
            throw new UnlearnException("a corner stamp needs images of shape (channels, height, width) with sides of at"
                    + " least " + (SIZE + MARGIN) + " pixels, got samples of shape " + sampleShape
                    + "; stamp an image dataset such as Fashion-MNIST");
        }
    }

    /**
     * Pastes the stamp over one image, in place.
     *
     * @param image features of one or more images, row-major {@code (channels, height, width)} each
     * @param offset where the image starts in {@code image}
     * @param sampleShape the image's shape (checked by {@link #checkFits})
     */
    public static void paste(float[] image, int offset, Shape sampleShape) {
        int channels = (int) sampleShape.get(0);
        int height = (int) sampleShape.get(1);
        int width = (int) sampleShape.get(2);
        int top = height - MARGIN - SIZE;
        int left = width - MARGIN - SIZE;
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < SIZE; r++) {
                for (int col = 0; col < SIZE; col++) {
                    image[offset + (c * height + top + r) * width + left + col] = (r + col) % 2 == 0 ? 1f : 0f;
                }
            }
        }
    }
}
