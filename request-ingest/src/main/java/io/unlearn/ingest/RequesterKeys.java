package io.unlearn.ingest;

import io.unlearn.schemas.ContractException;
import io.unlearn.schemas.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The requesters' Ed25519 public keys from the directory {@code signing.public.keys.dir} names: a file
 * {@code <requester>.pem} or {@code <requester>.pub} is that requester's key; a subdirectory {@code <requester>/} holds
 * its keys ({@code *.pem}, {@code *.pub}; several while a key is rotated). Other files are ignored. A key file that does
 * not hold an Ed25519 X.509 SubjectPublicKeyInfo key fails the load, naming the file.
 */
public final class RequesterKeys {
    private RequesterKeys() {
    }

    /** requester → its public keys. */
    public static Map<String, List<PublicKey>> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ContractException("requester key directory " + dir + " does not exist or is not a directory: create it with one"
                    + " <requester>.pem per requester (`unlearn keys generate --out DIR --name <requester>` writes one)");
        }
        Map<String, List<PublicKey>> out = new TreeMap<>();
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw new ContractException("cannot list requester key directory " + dir + ": " + e.getMessage(), e);
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                List<PublicKey> keys = TrustedKeys.loadOne(p);
                if (!keys.isEmpty()) {
                    add(out, name, keys);
                }
            } else if (name.endsWith(".pem") || name.endsWith(".pub")) {
                add(out, name.substring(0, name.length() - 4), TrustedKeys.loadOne(p));
            }
        }
        return out;
    }

    private static void add(Map<String, List<PublicKey>> out, String requester, List<PublicKey> keys) {
        out.merge(requester, keys, (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
    }
}
