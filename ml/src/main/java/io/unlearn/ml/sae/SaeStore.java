package io.unlearn.ml.sae;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.ContentAddressedDirectory;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed SAE artifacts: {@code root/<sha256>/sae.bin} (identity + parameters) and
 * {@code metadata.json}. An SAE is reused for every request on the same model version, layer and spec:
 * {@link #obtain} trains one only when none is stored. Loading verifies the hash.
 */
public final class SaeStore {

    /** The parameter file's name. */
    public static final String SAE_FILE = "sae.bin";
    /** The metadata file's name. */
    public static final String METADATA_FILE = "metadata.json";

    private static final Logger LOG = LoggerFactory.getLogger(SaeStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    /** @param root the store's directory (created on first save) */
    public SaeStore(Path root) {
        this.root = root;
    }

    /**
     * Train-or-reuse: returns the stored SAE for (model version, layer, spec), or captures the layer's
     * activations over {@code train}, trains one, measures its quality on {@code eval} and stores it.
     *
     * @param model the model version (its sha256 is the parent)
     * @param layerName the layer, e.g. {@link ModelLayer#PENULTIMATE}
     * @param spec the SAE spec
     * @param train samples whose activations the SAE is trained on
     * @param eval held-out samples for the quality figures
     * @param listener training progress (stage {@code sae/train})
     * @return the artifact ({@code reused} tells which happened)
     */
    public SaeArtifact obtain(Classifier model, String layerName, SaeSpec spec, DataView train, DataView eval,
            ProgressListener listener) {
        ModelLayer layer = ModelLayer.of(model, layerName);
        String version = model.sha256();
        Optional<SaeArtifact> found = find(version, layer.name(), spec);
        if (found.isPresent()) {
            LOG.info("reusing SAE {} for model {} layer {}", found.get().sha256(), version, layer.name());
            return found.get();
        }
        SaeTrainer.Trained t = SaeTrainer.train(ActivationCapture.capture(layer, train), version, spec, model.device(),
                listener);
        try (SparseAutoencoder sae = t.sae()) {
            return save(sae, new SaeMetadata(sae.identity(), SaeEvaluation.evaluate(layer, sae, eval), t.report()));
        }
    }

    /**
     * @param modelVersion the parent model's sha256
     * @param layer the canonical layer name
     * @param spec the spec
     * @return the stored SAE for them, if any
     */
    public Optional<SaeArtifact> find(String modelVersion, String layer, SaeSpec spec) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> SHA256.matcher(d.getFileName().toString()).matches()).sorted()
                    .map(d -> new SaeArtifact(d.getFileName().toString(), d, readMetadata(d), true))
                    .filter(a -> a.metadata().identity().parentModelSha256().equals(modelVersion)
                            && a.metadata().identity().layer().equals(layer)
                            && a.metadata().identity().spec().equals(spec))
                    .findFirst();
        } catch (IOException e) {
            throw new UnlearnException("cannot list SAE store " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param sae the SAE
     * @param metadata its metadata
     * @return the stored artifact (a no-op when the same bytes are already stored)
     */
    public SaeArtifact save(SparseAutoencoder sae, SaeMetadata metadata) {
        byte[] bytes = sae.toBytes();
        String sha = SaeBytes.sha256(bytes);
        Path dir = root.resolve(sha);
        try {
            ContentAddressedDirectory.writeOnce(root, sha, SAE_FILE, bytes, METADATA_FILE, JSON.writeValueAsBytes(metadata));
            return new SaeArtifact(sha, dir, readMetadata(dir), false);
        } catch (IOException e) {
            throw new UnlearnException("cannot write SAE " + sha + " under " + root + " (" + e.getMessage()
                    + "); check that the directory is writable", e);
        }
    }

    /**
     * @param sha256 the SAE's address
     * @param device where to put its parameters
     * @return the SAE (close it)
     * @throws UnlearnException when it is missing or its file no longer matches its hash
     */
    public SparseAutoencoder load(String sha256, Device device) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new UnlearnException("'" + sha256 + "' is not an SAE address; pass 64 lower-case hex digits");
        }
        Path file = root.resolve(sha256).resolve(SAE_FILE);
        try {
            byte[] bytes = Files.readAllBytes(file);
            String actual = SaeBytes.sha256(bytes);
            if (!actual.equals(sha256)) {
                throw new UnlearnException("SAE " + sha256 + " is corrupt or tampered: its file hashes to " + actual
                        + "; delete " + file.getParent() + " and train it again");
            }
            return SaeBytes.read(bytes, device);
        } catch (IOException e) {
            throw new UnlearnException("no readable SAE " + sha256 + " in " + root + " (" + e.getMessage()
                    + "); train it with SaeStore.obtain or check the store directory", e);
        }
    }

    /**
     * Re-hashes a stored SAE's file without loading it (for auditors), as {@link #load} hashes it.
     *
     * @param sha256 the SAE's address
     * @return the sha256 its file has now: equal to {@code sha256} unless it was altered
     * @throws UnlearnException when {@code sha256} is not an address or the SAE's file is missing
     */
    public String rehash(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new UnlearnException("'" + sha256 + "' is not an SAE address; pass 64 lower-case hex digits");
        }
        Path file = root.resolve(sha256).resolve(SAE_FILE);
        try {
            return SaeBytes.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UnlearnException("cannot read SAE file " + file + " (" + e.getMessage()
                    + "); restore it from a replica or train the SAE again", e);
        }
    }

    private static SaeMetadata readMetadata(Path dir) {
        try {
            return JSON.readValue(dir.resolve(METADATA_FILE).toFile(), SaeMetadata.class);
        } catch (IOException e) {
            throw new UnlearnException(dir.resolve(METADATA_FILE) + " is missing or unreadable (" + e.getMessage()
                    + "); delete " + dir + " and train the SAE again", e);
        }
    }
}
