package io.unlearn.bench.harness;

import io.unlearn.ml.data.FashionMnist;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.stack.LocalStack;
import io.unlearn.worker.CatalogImporter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh local stack made ready for the worker-driving benchmarks: the event contract installed and the Fashion-MNIST
 * training catalogue imported, so that request-ingest resolves the requests' sample ids.
 *
 * @param registry the stack's registry
 * @param common   settings every service of the benchmark shares: bootstrap servers, registry URL and, for workers,
 *                 the artifact store under the run's directory (a fresh map per call, free to extend)
 */
public record CatalogStack(SchemaRegistryClient registry, Map<String, Object> common) {

    /** Installs the contract and imports the catalogue, printing one progress line on {@code out}. */
    public static CatalogStack prepare(LocalStack stack, Path dir, PrintStream out) {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
        EventContract.install(client, registry);
        out.println("importing the Fashion-MNIST catalogue ...");
        new CatalogImporter(client, registry, Clock.systemUTC()).importView(FashionMnist.load().train(), n -> { });
        Map<String, Object> common = new HashMap<>(client);
        common.put("schema.registry.url", stack.registryUrl());
        common.put("artifact.dir", dir.resolve("artifacts").toString());
        return new CatalogStack(registry, common);
    }

    /** request-ingest's settings: the shared ones without the worker's, its state under {@code dir}, no HTTP intake. */
    public Map<String, Object> ingestProps(Path dir) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", common.get("bootstrap.servers"));
        p.put("schema.registry.url", common.get("schema.registry.url"));
        p.put("state.dir", dir.resolve("ingest").toString());
        p.put("http.enabled", "false");
        return p;
    }
}
