package io.unlearn.ml.model;

import java.nio.file.Path;

/**
 * A stored model version.
 *
 * @param sha256 sha256 of the parameter file: the content address
 * @param directory the directory holding {@code parameters.djl} and {@code metadata.json}
 * @param metadata spec and provenance
 */
public record Checkpoint(String sha256, Path directory, ArtifactMetadata metadata) {

    /** @return the parameter file */
    public Path parametersFile() {
        return directory.resolve(CheckpointStore.PARAMETERS_FILE);
    }
}
