package io.unlearn.worker;

import ai.djl.Device;
import io.unlearn.ml.artifact.ArtifactRefusedException;
import io.unlearn.ml.artifact.ArtifactResolver;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.Checkpoint;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
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
        try {
            return ArtifactResolver.loadModel(uri, sha256, device);
        } catch (ArtifactRefusedException e) {
            throw new WorkerException("artifact " + uri + " refused: " + e.getMessage(), e);
        }
    }
}
