package io.unlearn.schemas;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.Signature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Ed25519 signatures over the events whose origin an auditor must be able to prove: every {@link ModelVersion} (signed by
 * the worker that published it) and every {@link EvaluationReport} (by the evaluator). The signed bytes
 * ({@link #signedBytes}) are the record's type name, a NUL, then its Avro binary encoding in the contract's schema with
 * the {@code signature} field null and every map's entries sorted by key — the same bytes whoever re-encodes the decoded
 * record, in any language that follows these rules. The type name keeps a signature on one kind of event from being
 * replayed on another. A verifier finds the key by the signature's keyId ({@link SigningKeys#keyId}) among the keys it
 * trusts for that kind of event ({@link TrustedKeys}).
 */
public final class EventSignatures {
    private EventSignatures() {
    }

    /** What a signature check found. */
    public enum Check {
        /** Signed by a trusted key, and the signature matches the content. */
        VALID,
        /** No signature. */
        MISSING,
        /** Signed by a key the verifier does not trust for this kind of event (or an algorithm other than Ed25519). */
        UNKNOWN_KEY,
        /** Signed by a trusted key, but the content is not what was signed. */
        BAD
    }

    /** {@code v} with its signature by {@code key} (any earlier signature replaced). */
    public static ModelVersion sign(ModelVersion v, PrivateKey key, String keyId) {
        return ModelVersion.newBuilder(v).setSignature(signature(signedBytes(v), key, keyId)).build();
    }

    /** {@code r} with its signature by {@code key} (any earlier signature replaced). */
    public static EvaluationReport sign(EvaluationReport r, PrivateKey key, String keyId) {
        return EvaluationReport.newBuilder(r).setSignature(signature(signedBytes(r), key, keyId)).build();
    }

    public static Check verify(ModelVersion v, TrustedKeys trusted) {
        return verify(v.getSignature(), signedBytes(v), trusted);
    }

    public static Check verify(EvaluationReport r, TrustedKeys trusted) {
        return verify(r.getSignature(), signedBytes(r), trusted);
    }

    /** The bytes a version's signature covers. */
    public static byte[] signedBytes(ModelVersion v) {
        return canonical(ModelVersion.newBuilder(v).setSignature(null).build());
    }

    /** The bytes a report's signature covers. */
    public static byte[] signedBytes(EvaluationReport r) {
        return canonical(EvaluationReport.newBuilder(r).setSignature(null).build());
    }

    /** Ed25519 over {@code bytes}. */
    public static byte[] sign(byte[] bytes, PrivateKey key) {
        try {
            java.security.Signature s = java.security.Signature.getInstance(SigningKeys.ALGORITHM);
            s.initSign(key);
            s.update(bytes);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new ContractException("cannot sign with this key (" + e.getMessage() + "): it must be an " + SigningKeys.ALGORITHM
                    + " private key, e.g. from `unlearn keys generate`", e);
        }
    }

    /** Whether {@code signature} is {@code key}'s Ed25519 signature over {@code bytes}; a malformed signature is simply false. */
    public static boolean verify(byte[] bytes, byte[] signature, PublicKey key) {
        try {
            java.security.Signature s = java.security.Signature.getInstance(SigningKeys.ALGORITHM);
            s.initVerify(key);
            s.update(bytes);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Check verify(Signature signature, byte[] bytes, TrustedKeys trusted) {
        if (signature == null) {
            return Check.MISSING;
        }
        if (!SigningKeys.ALGORITHM.equals(signature.getAlgorithm())) {
            return Check.UNKNOWN_KEY;
        }
        PublicKey key = trusted.find(signature.getKeyId()).orElse(null);
        if (key == null) {
            return Check.UNKNOWN_KEY;
        }
        byte[] value = new byte[signature.getValue().remaining()];
        signature.getValue().duplicate().get(value);
        return verify(bytes, value, key) ? Check.VALID : Check.BAD;
    }

    private static Signature signature(byte[] bytes, PrivateKey key, String keyId) {
        return Signature.newBuilder().setAlgorithm(SigningKeys.ALGORITHM).setKeyId(keyId).setValue(ByteBuffer.wrap(sign(bytes, key))).build();
    }

    private static <T extends SpecificRecord> byte[] canonical(T record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((record.getSchema().getName() + "\0").getBytes(StandardCharsets.UTF_8));
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SortedMapWriter<T>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new IllegalStateException("encoding to memory failed", e);
        }
        return out.toByteArray();
    }

    /** Writes maps with their entries sorted by key, so the bytes do not depend on a map's iteration order. */
    private static final class SortedMapWriter<T> extends SpecificDatumWriter<T> {
        SortedMapWriter(Schema schema) {
            super(schema);
        }

        @Override
        protected void writeMap(Schema schema, Object datum, Encoder out) throws IOException {
            TreeMap<String, Object> sorted = new TreeMap<>();
            ((Map<?, ?>) datum).forEach((k, v) -> sorted.put(k.toString(), v));
            super.writeMap(schema, sorted, out);
        }
    }
}
