package io.unlearn.cli;

import io.unlearn.events.ModelVersion;
import io.unlearn.runtime.ServiceProps;
import io.unlearn.runtime.TopicReader;
import io.unlearn.schemas.Topics;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.WorkerConfig;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unlearn models train|list|show}: bootstrap a base model, read the versions topic. */
@Command(mixinStandardHelpOptions = true, name = "models", description = "Model versions (unlearn.models.versions).",
        subcommands = {ModelsCommand.Train.class, ModelsCommand.ListVersions.class, ModelsCommand.Show.class})
final class ModelsCommand {

    @Command(name = "train", mixinStandardHelpOptions = true, description = "Trains a model from scratch and publishes version 1 (BASE).")
    static final class Train extends ClusterCommand {
        @Option(names = "--model", required = true, description = "Model id, e.g. fmnist-cnn.")
        String modelId;

        @Option(names = "--architecture", description = "cnn or mlp (default: mlp when the id contains 'mlp', else cnn).")
        String architecture;

        @Option(names = "--epochs", description = "Training epochs (default: ${DEFAULT-VALUE}).")
        int epochs = 10;

        @Option(names = "--set", description = "WorkerConfig key=value (artifact.dir, dataset.name, dataset.dir, dataset.limit, device, seed).")
        Map<String, String> overrides = new HashMap<>();

        @Override
        public Integer call() {
            if (epochs < 1) {
                throw new CliException("--epochs " + epochs + " must be at least 1");
            }
            String arch = architecture != null ? architecture : modelId.contains("mlp") ? "mlp" : "cnn";
            WorkerConfig config = WorkerConfig.of(ServiceProps.merge(cluster.serviceDefaults(), null, overrides));
            ModelVersion v1 = BaseModels.trainAndPublish(config, modelId, arch, epochs,
                    event -> System.err.println("  " + event), Clock.systemUTC());
            System.out.println("published " + v1.getVersionId() + " (" + arch + ", " + epochs + " epochs) artifact "
                    + v1.getArtifactSha256() + " at " + v1.getArtifactUri());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every version, oldest first.")
    static final class ListVersions extends ClusterCommand {
        @Option(names = "--model", description = "Only this model.")
        String modelId;

        @Override
        public Integer call() {
            System.out.printf("%-28s %-10s %-10s %8s %8s  %s%n", "version", "kind", "method", "requests", "samples", "artifact sha256");
            for (ModelVersion v : versions(cluster)) {
                if (modelId == null || modelId.equals(v.getModelId())) {
                    System.out.printf("%-28s %-10s %-10s %8d %8d  %s%n", v.getVersionId(), v.getKind(), v.getMethod(),
                            v.getAppliedRequestIds().size(), v.getForgetSetSize(), v.getArtifactSha256().substring(0, 16));
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One version in full (as JSON).")
    static final class Show extends ClusterCommand {
        @Parameters(paramLabel = "VERSION", description = "A version id, e.g. fmnist-cnn@v3.")
        String versionId;

        @Override
        public Integer call() {
            ModelVersion v = versions(cluster).stream().filter(x -> x.getVersionId().equals(versionId)).findFirst()
                    .orElseThrow(() -> new CliException("no version '" + versionId + "' on " + Topics.MODEL_VERSIONS.name()
                            + "; `unlearn models list` shows the known ones"));
            System.out.println(v);
            return 0;
        }
    }

    /** Every version, oldest first (by record timestamp across partitions). */
    static List<ModelVersion> versions(ClusterOptions cluster) {
        return new TopicReader(cluster.clientProps(), cluster.registry()).readAll(Topics.MODEL_VERSIONS).stream()
                .sorted(Comparator.comparingLong(ConsumerRecord::timestamp)).map(ConsumerRecord::value).toList();
    }
}
