package io.unlearn.runtime;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.schemas.EventSignatures;
import io.unlearn.schemas.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's Ed25519 signing identity: the worker signs every version it publishes with it, the evaluator every report
 * ({@link EventSignatures}). Either the private key an operator configured ({@code signing.key.file}), or — when none is —
 * a key pair the service generates once and keeps in its own state directory ({@code <dir>/<name>.key}, owner-only, and
 * the public half as {@code <dir>/<name>.pub}), reused on every restart. That public file is what an auditor must be
 * given ({@code unlearn audit replay --worker-keys / --evaluator-keys}); the service logs where it is. A generated key is
 * never published on a topic: a key read from the log it is meant to vouch for would vouch for nothing.
 */
public final class EventSigner {
    private static final Logger log = LoggerFactory.getLogger(EventSigner.class);
    private final PrivateKey key;
    private final PublicKey publicKey;
    private final String keyId;

    private EventSigner(PrivateKey key, PublicKey publicKey) {
        this.key = key;
        this.publicKey = publicKey;
        this.keyId = SigningKeys.keyId(publicKey);
    }

    /** The identity of a key pair held in memory (an embedding application's, or a test's). */
    public static EventSigner of(KeyPair pair) {
        return new EventSigner(pair.getPrivate(), pair.getPublic());
    }

    /** The identity of a configured private key file (PKCS#8 PEM); fails naming the file when it is not an Ed25519 key. */
    public static EventSigner fromKeyFile(Path privateKeyFile) {
        PrivateKey key = SigningKeys.readPrivate(privateKeyFile);
        return new EventSigner(key, SigningKeys.publicOf(key));
    }

    /**
     * The key pair kept as {@code <dir>/<name>.key} and {@code .pub}: read when there, else generated and written there.
     * Two processes starting at once on the same directory (a worker and {@code unlearn models train}) end with one key:
     * the private key is linked into place only if no other is there yet (link(2) never replaces), and the public file is
     * always derived from the key that won.
     */
    public static EventSigner generatedIn(Path dir, String name) {
        Path priv = dir.resolve(name + ".key");
        Path pub = dir.resolve(name + ".pub");
        try {
            if (!Files.isRegularFile(priv)) {
                KeyPair pair = SigningKeys.generate();
                Path tmp = dir.resolve(name + ".key." + java.util.UUID.randomUUID() + ".tmp");
                SigningKeys.writePrivate(pair.getPrivate(), tmp);
                try {
                    Files.createLink(priv, tmp);
                    log.info("Generated the {} signing key {} (no signing.key.file configured); its public key is {}: give it to"
                            + " auditors", name, SigningKeys.keyId(pair.getPublic()), pub.toAbsolutePath());
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process generated one first: use theirs
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            EventSigner signer = fromKeyFile(priv);
            if (!holds(pub, signer.keyId)) {
                Path tmp = dir.resolve(name + ".pub." + java.util.UUID.randomUUID() + ".tmp");
                SigningKeys.writePublic(signer.publicKey, tmp);
                Files.move(tmp, pub, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return signer;
        } catch (IOException e) {
            throw new FatalServiceException("cannot keep the generated signing key under " + dir + " (" + e.getMessage()
                    + "): make the directory writable or configure signing.key.file", e);
        }
    }

    /** Whether {@code pub} is a readable public key with this id. */
    private static boolean holds(Path pub, String keyId) {
        try {
            return Files.isRegularFile(pub) && SigningKeys.keyId(SigningKeys.readPublic(pub)).equals(keyId);
        } catch (io.unlearn.schemas.ContractException e) {
            return false;
        }
    }

    public ModelVersion sign(ModelVersion v) {
        return EventSignatures.sign(v, key, keyId);
    }

    public EvaluationReport sign(EvaluationReport r) {
        return EventSignatures.sign(r, key, keyId);
    }

    /** The key id every signature of this signer names. */
    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }
}
