package io.unlearn.evaluator.internals;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import io.unlearn.schemas.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worst-case forget sets per (parent version, method, size, search settings), in memory and as JSON under
 * {@code <data.dir>/worstcase/<key digest>.json}: the search runs once per parent and method, also across
 * restarts. A cached file that no longer matches its digest (WorstCaseForgetSet checks it) is searched again.
 * Replicas may share the directory: a file is written under a temporary name and renamed into place, so a reader
 * never sees half a file, and two replicas that search one key at once each rename a whole file (the last one stays).
 */
final class WorstCaseCache {
    private static final Logger log = LoggerFactory.getLogger(WorstCaseCache.class);
    private final Path dir;
    private final Map<String, WorstCaseForgetSet> memory = new ConcurrentHashMap<>();

    WorstCaseCache(Path dataDir) {
        this.dir = dataDir.resolve("worstcase");
    }

    WorstCaseForgetSet get(String key, Supplier<WorstCaseForgetSet> search) {
        String name = Digests.sha256Hex(key) + ".json";
        WorstCaseForgetSet hit = memory.get(name);
        if (hit != null) {
            return hit;
        }
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
            try {
                hit = WorstCaseForgetSet.fromJson(Files.readString(file));
                memory.put(name, hit);
                return hit;
            } catch (IOException | UnlearnException e) {
                log.warn("Cached worst-case set {} is unreadable ({}); searching again", file, e.getMessage());
            }
        }
        WorstCaseForgetSet found = search.get();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".tmp", ".json");
            Files.writeString(tmp, found.toJson());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot cache the worst-case set for {} under {} ({}); it stays in memory only", key, dir, e.getMessage());
            deleteQuietly(tmp);
        }
        memory.put(name, found);
        return found;
    }

    private static void deleteQuietly(Path tmp) {
        try {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            log.warn("Cannot remove the temporary file {} ({}); delete it by hand", tmp, e.getMessage());
        }
    }
}
