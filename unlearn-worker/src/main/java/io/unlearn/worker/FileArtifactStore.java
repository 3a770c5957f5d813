package io.unlearn.worker;

import ai.djl.Device;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.Checkpoint;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
import java.net.URI;
import java.nio.file.Path;

/** {@link ArtifactStore} on a directory: {@code <root>/<sha256>/…}, via the engine's {@link CheckpointStore}. */
public final class FileArtifactStore implements ArtifactStore {
    private final CheckpointStore checkpoints;

    public FileArtifactStore(Path root) {
        this.checkpoints = new CheckpointStore(root.toAbsolutePath().normalize());
    }

    @Override
    public StoredArtifact put(Classifier model, ArtifactMetadata metadata) {
        Checkpoint saved = checkpoints.save(model, metadata);
        return new StoredArtifact(saved.directory().toUri().toString(), saved.sha256());
    }

    @Override
    public Classifier load(String uri, String sha256, Device device) {
        Path dir = Path.of(URI.create(uri));
        if (!dir.getFileName().toString().equals(sha256)) {
            throw new WorkerException("artifact URI " + uri + " does not name sha256 " + sha256
                    + ": the version event and the store disagree; the version cannot be trusted");
        }
        try {
            return new CheckpointStore(dir.getParent()).load(sha256, device);
        } catch (UnlearnException e) {
            throw new WorkerException("artifact " + uri + " refused: " + e.getMessage(), e);
        }
    }
}
