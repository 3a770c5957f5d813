package io.unlearn.cli;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.Datasets;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.worker.CatalogImporter;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unlearn catalog import}: registers a dataset's training samples and their subjects. */
@Command(mixinStandardHelpOptions = true, name = "catalog", description = "The sample catalogue (unlearn.catalog.samples).", subcommands = CatalogCommand.Import.class)
final class CatalogCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Writes one SampleRecord per training sample (id, subject, label, content sha256) into unlearn.catalog.samples.")
    static final class Import extends ClusterCommand {
        @Option(names = "--dataset", description = "The dataset by name, as the services' dataset.name: ${COMPLETION-CANDIDATES} "
                + "(default: ${DEFAULT-VALUE}).", completionCandidates = DatasetNames.class)
        String datasetName = FashionMnist.NAME;

        @Option(names = "--fmnist-dir", description = "Directory of the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
        Path fmnistDir = FashionMnist.DEFAULT_DIR;

        @Option(names = "--limit", description = "Import only the first N training samples (default: all).")
        int limit = Integer.MAX_VALUE;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new CliException("--limit " + limit + " must be at least 1");
            }
            if (!Datasets.NAMES.contains(datasetName)) {
                throw new CliException("--dataset " + datasetName + " is unknown; the datasets are " + Datasets.NAMES);
            }
            UnlearnDataset dataset = Datasets.load(datasetName, fmnistDir);
            DataView train = dataset.train().slice(0, Math.min(limit, dataset.train().size()));
            long started = System.nanoTime();
            int count = new CatalogImporter(cluster.clientProps(), cluster.registry(), Clock.systemUTC())
                    .importView(train, done -> System.err.printf("  %,d / %,d samples%n", done, train.size()));
            System.out.printf("imported %d samples of %s into unlearn.catalog.samples in %.1f s%n",
                    count, dataset.name(), (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }

    /** The dataset names picocli lists for {@code --dataset}. */
    static final class DatasetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Datasets.NAMES.iterator();
        }
    }
}
