package io.unlearn.ml.model;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes one artifact of a content-addressed store, {@code <root>/<sha256>/} holding its hashed file and a JSON
 * metadata file, so that readers never see a half-written artifact: the files go to a temporary directory that is
 * then moved into place atomically. Saving the same bytes twice (even concurrently) is a no-op. Used by
 * {@link CheckpointStore} and the SAE store.
 */
public final class ContentAddressedDirectory {
    private ContentAddressedDirectory() {
    }

    /**
     * @param root          the store's root
     * @param sha256        the hashed file's sha256, the artifact's address
     * @param hashedFile    the hashed file's name, e.g. {@code parameters.djl}
     * @param bytes         its bytes
     * @param metadataFile  the metadata file's name
     * @param metadataJson  its bytes (the store's JSON of the metadata)
     * @return {@code <root>/<sha256>}, now complete
     * @throws IOException when the store cannot be written
     */
    public static Path writeOnce(Path root, String sha256, String hashedFile, byte[] bytes, String metadataFile,
            byte[] metadataJson) throws IOException {
        Path dir = root.resolve(sha256);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".tmp-" + sha256.substring(0, 8));
        Files.write(tmp.resolve(hashedFile), bytes);
        Files.write(tmp.resolve(metadataFile), metadataJson);
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteTree(tmp); // a concurrent save of the same bytes won the race
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
