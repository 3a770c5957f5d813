package io.unlearn.ml.suppression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SaeIdentity;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model with one or several {@link SuppressionConfig}s applied at inference (several concepts removed at
 * once); the weights are untouched. Configs that share an SAE and the error-term setting are merged into one
 * encode/decode pass (a latent named twice keeps the smaller scale, or the smaller clamp); other configs on the layer
 * are applied one after the other: first those that drop the error term (they replace the activations with a
 * reconstruction, which would undo earlier edits), then those that keep it, each group in the order given. All configs must target this model version and one layer. Close it to free its small
 * scale vectors; the model and SAEs stay open (the caller owns them).
 */
public final class SuppressedModel implements InferenceModel, AutoCloseable {

    private final ModelLayer layer;
    private final List<SuppressionPass> passes;
    private final List<SuppressionConfig> configs;
    private final NDManager manager;

    private SuppressedModel(ModelLayer layer, List<SuppressionPass> passes, List<SuppressionConfig> configs,
            NDManager manager) {
        this.layer = layer;
        this.passes = passes;
        this.configs = configs;
        this.manager = manager;
    }

    /**
     * Checks the configs against the model and the SAEs and builds the inference path.
     *
     * @param model the model version the configs were built for
     * @param configs one or more configs, all for the same layer
     * @param saes the SAEs the configs name (matched by sha256; extra ones are ignored)
     * @return the suppressed model
     * @throws UnlearnException for another model version, an unknown or mismatched layer, a missing SAE, an SAE of
     *     another model version or layer, or feature ids outside the SAE's dictionary
     */
    public static SuppressedModel of(Classifier model, List<SuppressionConfig> configs,
            Collection<SparseAutoencoder> saes) {
        if (configs == null || configs.isEmpty()) {
            throw new UnlearnException("no suppression config given; pass at least one");
        }
        String version = model.sha256();
        ModelLayer layer = ModelLayer.of(model, configs.get(0).layer());
        Map<String, SparseAutoencoder> bySha = new LinkedHashMap<>();
        saes.forEach(s -> bySha.put(s.sha256(), s));
        Map<String, List<SuppressionConfig>> groups = new LinkedHashMap<>();
        for (SuppressionConfig c : configs) {
            String who = "suppression config '" + c.conceptName() + "'";
            if (!c.modelVersion().equals(version)) {
                throw new UnlearnException(who + " targets model version " + c.modelVersion() + " but the model is "
                        + version + "; rebuild the config for this version or load version " + c.modelVersion());
            }
            if (!ModelLayer.of(model, c.layer()).name().equals(layer.name())) {
                throw new UnlearnException(who + " reads layer " + c.layer() + " but another config reads "
                        + layer.name() + "; apply configs of one layer together");
            }
            SparseAutoencoder sae = bySha.get(c.saeSha256());
            if (sae == null) {
                throw new UnlearnException(who + " names SAE " + c.saeSha256() + ", which was not given; load it from"
                        + " the SAE store (" + c.saeArtifactUri() + ")");
            }
            checkSae(who, c, sae, layer);
            groups.computeIfAbsent(c.saeSha256() + "/" + c.keepErrorTerm(), k -> new ArrayList<>()).add(c);
        }
        NDManager manager = model.newManager();
        List<SuppressionPass> passes = new ArrayList<>();
        // passes that drop the error term replace the layer with a reconstruction, which would undo the edits of
        // earlier passes: they run first, then the passes that add their edits to the activations
        for (boolean keep : new boolean[] {false, true}) {
            groups.values().stream().filter(g -> g.get(0).keepErrorTerm() == keep).forEach(g -> passes.add(
                    SuppressionPass.of(bySha.get(g.get(0).saeSha256()), g, manager)));
        }
        return new SuppressedModel(layer, List.copyOf(passes), List.copyOf(configs), manager);
    }

    private static void checkSae(String who, SuppressionConfig c, SparseAutoencoder sae, ModelLayer layer) {
        SaeIdentity id = sae.identity();
        if (!id.parentModelSha256().equals(c.modelVersion())) {
            throw new UnlearnException(who + ": SAE " + c.saeSha256() + " was trained on model version "
                    + id.parentModelSha256() + ", not " + c.modelVersion() + "; train or reuse an SAE for this version");
        }
        if (!id.layer().equals(layer.name()) || id.inputDim() != layer.width()) {
            throw new UnlearnException(who + ": layer mismatch, the SAE reads " + id.layer() + " (width "
                    + id.inputDim() + ") but the config names " + layer.name() + " (width " + layer.width()
                    + "); use an SAE of layer " + layer.name());
        }
        if (id.latents() != c.dictionarySize()) {
            throw new UnlearnException(who + " assumes " + c.dictionarySize() + " latents but SAE " + c.saeSha256()
                    + " has " + id.latents() + "; rebuild the config from this SAE's scores");
        }
    }

    @Override
    public NDArray logits(NDManager manager, NDArray x) {
        return logitsFromActivations(manager, layer.activations(manager, x));
    }

    /**
     * The suppressed rest of the network, from activations captured at {@link #layer()} (cheap to re-run many
     * configs on one capture).
     *
     * @param manager owner of the result
     * @param activations {@code (B, width)}
     * @return logits {@code (B, numClasses)}
     */
    public NDArray logitsFromActivations(NDManager manager, NDArray activations) {
        return layer.logitsFrom(manager, edited(activations));
    }

    /**
     * The activations at {@link #layer()} after every suppression edit: what a probe of the edited layer reads.
     *
     * @param manager owner of the result
     * @param x inputs {@code (B, inputShape...)}
     * @return edited activations {@code (B, layer().width())}
     */
    public NDArray editedActivations(NDManager manager, NDArray x) {
        return edited(layer.activations(manager, x));
    }

    /**
     * The head's input after the edits: the edited activations themselves when {@link #layer()} is the penultimate
     * one, else the rest of the encoder run on them.
     */
    @Override
    public NDArray representation(NDManager manager, NDArray x) {
        return layer.penultimateFrom(manager, editedActivations(manager, x));
    }

    private NDArray edited(NDArray activations) {
        NDArray acts = activations;
        for (SuppressionPass pass : passes) {
            acts = pass.apply(acts);
        }
        return acts;
    }

    @Override
    public Classifier base() { return layer.model(); }

    /** @return the layer the configs act on */
    public ModelLayer layer() { return layer; }

    /** @return the configs applied */
    public List<SuppressionConfig> configs() { return configs; }

    @Override
    public void close() {
        manager.close();
    }
}
