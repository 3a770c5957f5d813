package io.unlearn.schemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys with the JDK's own {@code java.security} (no extra library): generation, PEM files (public keys as
 * X.509 SubjectPublicKeyInfo, {@code -----BEGIN PUBLIC KEY-----}; private keys as PKCS#8, {@code -----BEGIN PRIVATE
 * KEY-----}; a file holding only the base64 of those encodings is read too) and the key id every signature names: the
 * first 16 hex digits of the SHA-256 of the public key's X.509 encoding, so a verifier finds the key from the key itself
 * and never trusts a name the signer chose.
 */
public final class SigningKeys {
    /** The signature algorithm, as the Java Security Standard Algorithm Names spell it. */
    public static final String ALGORITHM = "Ed25519";

    private SigningKeys() {
    }

    /** A fresh Ed25519 key pair from the JVM's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ContractException("this JVM offers no " + ALGORITHM + " (Java 15 or later has it): " + e.getMessage(), e);
        }
    }

    /** The key id of a public key: 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Writes the private key (PKCS#8 PEM, owner-only where the file system allows) and its public key (X.509 PEM). */
    public static void write(KeyPair pair, Path privateKeyFile, Path publicKeyFile) throws IOException {
        writePrivate(pair.getPrivate(), privateKeyFile);
        writePublic(pair.getPublic(), publicKeyFile);
    }

    /** Writes a private key as PKCS#8 PEM, readable by its owner only where the file system allows. */
    public static void writePrivate(PrivateKey key, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // before the key is in it
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
        }
        Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Writes a public key as X.509 SubjectPublicKeyInfo PEM. */
    public static void writePublic(PublicKey key, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.writeString(file, pem("PUBLIC KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Reads an Ed25519 private key (PKCS#8 PEM or base64); fails naming the file and what is wrong with it. */
    public static PrivateKey readPrivate(Path file) {
        byte[] der = der(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new ContractException("private key file " + file + " is not an " + ALGORITHM + " PKCS#8 key (" + e.getMessage()
                    + "); create one with `unlearn keys generate`", e);
        }
    }

    /** Reads an Ed25519 public key (X.509 SubjectPublicKeyInfo PEM or base64); fails naming the file and the problem. */
    public static PublicKey readPublic(Path file) {
        byte[] der = der(file, "PUBLIC KEY");
        try {
            return publicKey(der);
        } catch (GeneralSecurityException e) {
            throw new ContractException("public key file " + file + " is not an " + ALGORITHM + " X.509 SubjectPublicKeyInfo key ("
                    + e.getMessage() + "); export it with `unlearn keys generate` or `openssl pkey -pubout`", e);
        }
    }

    /**
     * The public key of an Ed25519 private key. The JDK's PKCS#8 encoding does not carry it and {@code java.security} has
     * no direct derivation, so the key generator is handed the private key's own 32-byte seed as its "random" bytes: it
     * derives exactly that key's public half (RFC 8032: the key pair is a function of the seed).
     */
    public static PublicKey publicOf(PrivateKey key) {
        try {
            java.security.interfaces.EdECPrivateKey ed = (java.security.interfaces.EdECPrivateKey) key;
            byte[] seed = ed.getBytes().orElseThrow(() -> new ContractException("the private key does not reveal its seed"));
            KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
            g.initialize(java.security.spec.NamedParameterSpec.ED25519, new FixedRandom(seed));
            return g.generateKeyPair().getPublic();
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new ContractException("cannot derive the public key of this private key: " + e.getMessage(), e);
        }
    }

    static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    }

    private static byte[] der(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ContractException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
        String body = text.replaceAll("-----(BEGIN|END) " + label + "-----", "").replaceAll("\\s", "");
        if (body.contains("-----")) {
            throw new ContractException("key file " + file + " is not a '" + label + "' PEM (found another PEM label)");
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new ContractException("key file " + file + " is neither PEM nor base64: " + e.getMessage(), e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** Hands the key generator the private key's own seed, so it derives that key's public half. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
