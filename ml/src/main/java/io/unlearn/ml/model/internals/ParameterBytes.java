package io.unlearn.ml.model.internals;

import ai.djl.nn.Block;
import io.unlearn.ml.UnlearnException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Serialises a block's parameters and hashes bytes. */
public final class ParameterBytes {

    private ParameterBytes() {
    }

    /**
     * @param block an initialised block
     * @return its parameters in DJL's block format
     */
    public static byte[] of(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UnlearnException("cannot serialise model parameters: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes any bytes
     * @return their sha256 as 64 lower-case hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
