package io.unlearn.ml.sae;

import java.nio.file.Path;

/**
 * A stored SAE.
 *
 * @param sha256 the content address (sha256 of {@code sae.bin})
 * @param directory the directory holding {@code sae.bin} and {@code metadata.json}
 * @param metadata identity, quality and training report
 * @param reused true when {@link SaeStore#obtain} found it instead of training it
 */
public record SaeArtifact(String sha256, Path directory, SaeMetadata metadata, boolean reused) {

    /** @return the artifact's URI, for {@code SuppressionConfig.saeArtifactUri} */
    public String uri() {
        return directory.toAbsolutePath().toUri().toString();
    }
}
