package io.unlearn.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The two hashes the event contract defines, computed one way by every writer and checker:
 * {@code ModelVersion.forgetSetDigest} and {@code ModelVersion.lineageHash}. Both are lower-case hex
 * SHA-256 over UTF-8 text.
 */
public final class Digests {

    private Digests() {
    }

    /**
     * SHA-256 over the distinct ids, sorted by {@link String#compareTo}, each followed by '\n'.
     * The same set gives the same digest whatever the order or duplicates it came in.
     */
    public static String forgetSetDigest(Collection<String> sampleIds) {
        StringBuilder text = new StringBuilder();
        for (String id : new TreeSet<>(sampleIds)) {
            text.append(id).append('\n');
        }
        return sha256Hex(text.toString());
    }

    /**
     * SHA-256 over the text
     * <pre>
     * unlearn-lineage-v1\n
     * &lt;parent lineage hash, empty for a BASE version&gt;\n
     * &lt;artifact sha256&gt;\n
     * &lt;each distinct applied request id, sorted, followed by \n&gt;
     * </pre>
     * so each version's hash covers its parent's hash, its artifact and its applied requests.
     */
    public static String lineageHash(String parentLineageHash, String artifactSha256,
                                     Collection<String> appliedRequestIds) {
        if (artifactSha256 == null || artifactSha256.isBlank()) {
            throw new ContractException("A lineage hash needs the artifact's sha256; it was missing.");
        }
        StringBuilder text = new StringBuilder("unlearn-lineage-v1\n")
                .append(parentLineageHash == null ? "" : parentLineageHash).append('\n')
                .append(artifactSha256).append('\n');
        for (String id : new TreeSet<>(appliedRequestIds)) {
            text.append(id).append('\n');
        }
        return sha256Hex(text.toString());
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
