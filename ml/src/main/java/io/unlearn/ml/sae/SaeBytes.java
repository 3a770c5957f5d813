package io.unlearn.ml.sae;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.ml.UnlearnException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SAE file format: magic {@code UNSAE1}, the identity as JSON (UTF), then W_enc, b_enc, W_dec, b_pre as
 * big-endian float32 in row-major order. Deterministic, so equal SAEs hash equal.
 */
final class SaeBytes {

    private static final String MAGIC = "UNSAE1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SaeBytes() {
    }

    static byte[] write(SparseAutoencoder sae) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MAGIC);
            out.writeUTF(JSON.writeValueAsString(sae.identity()));
            for (NDArray p : sae.parameters()) {
                for (float f : p.toFloatArray()) {
                    out.writeFloat(f);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UnlearnException("cannot serialise SAE: " + e.getMessage(), e);
        }
    }

    static SparseAutoencoder read(byte[] data, Device device) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new UnlearnException("not an SAE file (magic '" + magic + "'); pass a file written by SaeStore");
            }
            SaeIdentity id = JSON.readValue(in.readUTF(), SaeIdentity.class);
            int d = id.inputDim();
            int h = id.latents();
            NDManager m = NDManager.newBaseManager(device);
            try {
                return new SparseAutoencoder(id, m, array(in, m, new Shape(d, h)), array(in, m, new Shape(h)),
                        array(in, m, new Shape(h, d)), array(in, m, new Shape(d)));
            } catch (IOException | RuntimeException e) {
                m.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UnlearnException("SAE file is truncated or unreadable (" + e.getMessage() + "); retrain it", e);
        }
    }

    private static NDArray array(DataInputStream in, NDManager m, Shape shape) throws IOException {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return m.create(v, shape);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
