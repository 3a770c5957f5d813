package io.unlearn.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The public keys a verifier trusts for one purpose (the worker's versions, the evaluator's reports, one requester's
 * requests), by key id ({@link SigningKeys#keyId}, derived from each key, so file names do not matter). Loaded from key
 * files or directories of them: every regular file of a directory ending in {@code .pem} or {@code .pub} (not
 * recursively) is read as an Ed25519 X.509 SubjectPublicKeyInfo key, PEM or bare base64. A file that is not such a key
 * fails the load, naming it: a typo in a trust store must not silently trust nothing.
 */
public final class TrustedKeys {
    private static final TrustedKeys NONE = new TrustedKeys(Map.of());
    private final Map<String, PublicKey> byId;

    private TrustedKeys(Map<String, PublicKey> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** No key: every signature is from an unknown key. */
    public static TrustedKeys none() {
        return NONE;
    }

    public static TrustedKeys of(Collection<PublicKey> keys) {
        Map<String, PublicKey> byId = new TreeMap<>();
        keys.forEach(k -> byId.put(SigningKeys.keyId(k), k));
        return new TrustedKeys(byId);
    }

    /** The keys in these files and directories; fails naming the first path that is missing or holds no valid key. */
    public static TrustedKeys load(Collection<Path> paths) {
        List<PublicKey> keys = new ArrayList<>();
        for (Path p : paths) {
            keys.addAll(loadOne(p));
        }
        return of(keys);
    }

    /** The keys of one key file, or of a directory's {@code *.pem} / {@code *.pub} files. */
    public static List<PublicKey> loadOne(Path path) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(Files::isRegularFile).filter(TrustedKeys::isKeyFile).sorted().toList();
            } catch (IOException e) {
                throw new ContractException("cannot list key directory " + path + ": " + e.getMessage(), e);
            }
            return files.stream().map(SigningKeys::readPublic).toList();
        }
        if (!Files.isRegularFile(path)) {
            throw new ContractException("public key path " + path + " does not exist: give a key file (PEM or base64) or a"
                    + " directory of *.pem / *.pub files");
        }
        return List.of(SigningKeys.readPublic(path));
    }

    static boolean isKeyFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".pem") || name.endsWith(".pub");
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(keyId == null ? null : byId.get(keyId));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The trusted key ids, sorted. */
    public List<String> keyIds() {
        return List.copyOf(byId.keySet());
    }
}
