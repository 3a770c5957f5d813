package io.unlearn.ml.model;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.internals.ParameterBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Content-addressed model storage: {@code root/<sha256>/parameters.djl} plus {@code metadata.json}
 * (spec and provenance), where sha256 is the hash of the parameter file. One directory per version,
 * written to a temporary directory first and moved into place atomically; saving identical parameters
 * twice is a no-op. Loading verifies the hash, so a tampered file is refused.
 */
public final class CheckpointStore {

    /** Name of the parameter file in a checkpoint directory. */
    public static final String PARAMETERS_FILE = "parameters.djl";
    /** Name of the metadata file in a checkpoint directory. */
    public static final String METADATA_FILE = "metadata.json";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path root;

    /**
     * @param root the store's directory (created when missing)
     */
    public CheckpointStore(Path root) {
        this.root = root;
    }

    /** @return the store's directory */
    public Path root() { return root; }

    /**
     * Stores a model's parameters and metadata.
     *
     * @param model the model
     * @param metadata spec and provenance (its spec must be the model's)
     * @return the checkpoint, addressed by the parameters' sha256
     */
    public Checkpoint save(Classifier model, ArtifactMetadata metadata) {
        byte[] parameters = model.parameterBytes();
        String sha = ParameterBytes.sha256(parameters);
        Path existing = root.resolve(sha);
        if (Files.isDirectory(existing)) {
            return new Checkpoint(sha, existing, readMetadata(existing));
        }
        try {
            Path dir = ContentAddressedDirectory.writeOnce(root, sha, PARAMETERS_FILE, parameters, METADATA_FILE,
                    JSON.writeValueAsBytes(metadata));
            return new Checkpoint(sha, dir, metadata);
        } catch (IOException e) {
            throw new UnlearnException("cannot write checkpoint " + sha + " under " + root + " (" + e.getMessage()
                    + "); check that the directory is writable and the disk has room", e);
        }
    }

    /**
     * @param sha256 a checkpoint's address
     * @return the checkpoint's metadata and location
     */
    public Checkpoint get(String sha256) {
        Path dir = dirOf(sha256);
        return new Checkpoint(sha256, dir, readMetadata(dir));
    }

    /**
     * @param sha256 a checkpoint's address
     * @return true when it is stored
     */
    public boolean contains(String sha256) {
        return SHA256.matcher(sha256).matches() && Files.isDirectory(root.resolve(sha256));
    }

    /**
     * Loads a checkpoint, bit-identical to what was saved.
     *
     * @param sha256 the address
     * @param device where to put the parameters
     * @return the model (close it)
     * @throws UnlearnException when it is missing or its parameter file no longer matches its hash
     */
    public Classifier load(String sha256, Device device) {
        Path dir = dirOf(sha256);
        ArtifactMetadata metadata = readMetadata(dir);
        byte[] parameters;
        try {
            parameters = Files.readAllBytes(dir.resolve(PARAMETERS_FILE));
        } catch (IOException e) {
            throw new UnlearnException("cannot read " + dir.resolve(PARAMETERS_FILE) + ": " + e.getMessage(), e);
        }
        String actual = ParameterBytes.sha256(parameters);
        if (!actual.equals(sha256)) {
            throw new UnlearnException("checkpoint " + sha256 + " is corrupt or tampered: its parameter file hashes"
                    + " to " + actual + "; restore it from a replica or retrain");
        }
        return Classifier.fromParameters(metadata.spec(), parameters, device);
    }

    /**
     * Re-hashes a stored checkpoint's parameter file without loading it (for auditors).
     *
     * @param sha256 the address
     * @return the sha256 its parameter file has now: equal to {@code sha256} unless it was altered
     * @throws UnlearnException when the checkpoint or its parameter file is missing
     */
    public String rehash(String sha256) {
        Path file = dirOf(sha256).resolve(PARAMETERS_FILE);
        try {
            return ParameterBytes.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UnlearnException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Path dirOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new UnlearnException("'" + sha256 + "' is not a checkpoint address; pass 64 lower-case hex digits");
        }
        Path dir = root.resolve(sha256);
        if (!Files.isDirectory(dir)) {
            throw new UnlearnException("no checkpoint " + sha256 + " in " + root + "; save it first or check the"
                    + " store directory");
        }
        return dir;
    }

    private static ArtifactMetadata readMetadata(Path dir) {
        Path file = dir.resolve(METADATA_FILE);
        try {
            return JSON.readValue(file.toFile(), ArtifactMetadata.class);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException || !Files.exists(file) ? "is missing" : "is unreadable";
            throw new UnlearnException(file + " " + why + " (" + e.getMessage() + "); the checkpoint is incomplete:"
                    + " save the model again", e);
        }
    }
}
