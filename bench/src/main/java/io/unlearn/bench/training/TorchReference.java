package io.unlearn.bench.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.ml.UnlearnException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shipped PyTorch reference ({@code torch_reference.py}) with Debian's python3-torch: one OpenBLAS thread
 * (its threads fight torch's own on a small machine), torch's intra-op threads as given.
 */
public final class TorchReference {

    /** The interpreter that has Debian's python3-torch. */
    public static final String PYTHON = "/usr/bin/python3";

    private final Path script;

    private TorchReference(Path script) {
        this.script = script;
    }

    /** @return why PyTorch cannot be used here, or null when {@code python3 -c 'import torch'} works */
    public static String unavailableReason() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing; install python3-torch (apt-get install -y python3-torch) for the reference rows";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 ? null
                    : "python3 cannot import torch; install python3-torch (apt-get install -y python3-torch) for the reference rows";
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for torch";
        }
    }

    /** @return the reference script copied out of the jar into a temporary file */
    public static TorchReference extract() {
        try (InputStream in = TorchReference.class.getResourceAsStream("torch_reference.py")) {
            if (in == null) {
                throw new UnlearnException("torch_reference.py is missing from the bench jar; rebuild it");
            }
            Path file = Files.createTempFile("torch_reference", ".py");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return new TorchReference(file);
        } catch (IOException e) {
            throw new UnlearnException("cannot write the PyTorch reference script: " + e.getMessage()
                    + "; set java.io.tmpdir to a writable directory", e);
        }
    }

    /** @return the script's path */
    public Path script() {
        return script;
    }

    /**
     * @param model {@code mlp} or {@code cnn}
     * @param args the run's settings as the script's options ({@code --epochs 4 --samples 60000 ...})
     * @return per-epoch training and inference samples/s, the first epoch included
     */
    public Epochs run(String model, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), "--model", model));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        try {
            Process p = pb.start();
            byte[] err = p.getErrorStream().readAllBytes();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new UnlearnException("the PyTorch reference failed (exit " + p.exitValue() + "): "
                        + new String(err, StandardCharsets.UTF_8).strip());
            }
            JsonNode json = new ObjectMapper().readTree(out);
            return new Epochs(doubles(json.get("train_samples_per_second")), doubles(json.get("infer_samples_per_second")),
                    json.get("version").asText());
        } catch (IOException e) {
            throw new UnlearnException("cannot run the PyTorch reference: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnlearnException("interrupted while the PyTorch reference ran", e);
        }
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> v = new ArrayList<>();
        array.forEach(n -> v.add(n.asDouble()));
        return v;
    }

    /**
     * One run's per-epoch figures.
     *
     * @param train training samples/s per epoch
     * @param infer inference samples/s after each epoch
     * @param version the engine's version
     */
    public record Epochs(List<Double> train, List<Double> infer, String version) {
    }
}
