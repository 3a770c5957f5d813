package io.unlearn.cli;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.Datasets;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.data.StampedDataset;
import io.unlearn.ml.data.StampedFashionMnist;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.worker.CatalogImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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

        @Option(names = "--stamped-ids-out", description = "With --dataset fmnist-stamped: write the imported stamped samples' ids to "
                + "this file, one per line (what `request concept --examples-file` takes to remove the stamp as a pattern).")
        Path stampedIdsOut;

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
            if (stampedIdsOut != null) {
                writeStampedIds(train);
            }
            long started = System.nanoTime();
            int count = new CatalogImporter(cluster.clientProps(), cluster.registry(), Clock.systemUTC())
                    .importView(train, done -> System.err.printf("  %,d / %,d samples%n", done, train.size()));
            System.out.printf("imported %d samples of %s into unlearn.catalog.samples in %.1f s%n",
                    count, dataset.name(), (System.nanoTime() - started) / 1e9);
            return 0;
        }

        private void writeStampedIds(DataView train) {
            if (!StampedFashionMnist.NAME.equals(datasetName)) {
                throw new CliException("--stamped-ids-out needs --dataset " + StampedFashionMnist.NAME + "; " + datasetName
                        + " has no stamped samples");
            }
            List<String> ids = train.ids().stream().filter(StampedDataset::isStamped).toList();
            try {
                Files.write(stampedIdsOut, ids);
            } catch (IOException e) {
                throw new CliException("cannot write --stamped-ids-out " + stampedIdsOut + " (" + e.getMessage() + "); pick a writable path");
            }
            System.out.printf("wrote %d stamped sample ids to %s%n", ids.size(), stampedIdsOut);
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
