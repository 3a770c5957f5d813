package io.unlearn.cli.setup;

import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.data.IdxDatasets;
import io.unlearn.stack.RegistryRuntime;
import io.unlearn.stack.StackException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What {@code demo} and {@code stack up} need before they start anything: the Fashion-MNIST IDX files, a Java &gt;= 21
 * for the schema registry, the Apicurio app. {@link #ensure} installs what may be installed here (as root, with
 * apt-get: the dataset package, a Java only when apt offers one), printing one line per action, and otherwise stops
 * with one line naming the exact command to run.
 */
public final class Prerequisites {
    /** Debian packages of a Java >= 21, tried in order; one is offered only when {@code apt-cache policy} has a candidate. */
    static final List<String> JAVA_PACKAGES = List.of("openjdk-25-jre-headless", "openjdk-21-jre-headless",
            "temurin-25-jdk", "temurin-21-jdk");
    static final String DATASET_PACKAGE = "dataset-fashion-mnist";

    private final Host host;
    private final PrintStream out;
    private final Path debianDatasetDir;

    /** On this machine: the dataset package's files in {@link FashionMnist#DEFAULT_DIR}. */
    public Prerequisites(Host host, PrintStream out) {
        this(host, out, FashionMnist.DEFAULT_DIR);
    }

    /** @param debianDatasetDir where {@code dataset-fashion-mnist} puts its files (tests simulate it) */
    public Prerequisites(Host host, PrintStream out, Path debianDatasetDir) {
        this.host = host;
        this.out = out;
        this.debianDatasetDir = debianDatasetDir;
    }

    /** The four Fashion-MNIST IDX files in {@code dir}; installable when {@code dir} is the Debian package's. */
    public Check dataset(Path dir) {
        List<String> lacking = IdxDatasets.missingFiles(dir);
        if (lacking.isEmpty()) {
            return Check.ok("dataset", "Fashion-MNIST in " + dir);
        }
        String found = !Files.isDirectory(dir) ? "no directory " + dir
                : lacking.size() == IdxDatasets.FILES.size() ? "no Fashion-MNIST IDX files in " + dir
                : dir + " lacks " + String.join(", ", lacking);
        if (!dir.toAbsolutePath().normalize().equals(debianDatasetDir.toAbsolutePath().normalize())) {
            return Check.missing("dataset", found, "put the four IDX files there (" + IdxDatasets.FILES.get(0)
                    + "[.gz] and its siblings), or leave out --dataset-dir to use " + debianDatasetDir);
        }
        if (!host.has("apt-get")) {
            return Check.missing("dataset", found, "install Debian's " + DATASET_PACKAGE + " package, or pass --dataset-dir DIR"
                    + " holding the four Fashion-MNIST IDX files");
        }
        return Check.missing("dataset", found, "run `" + host.asRoot("apt-get install -y " + DATASET_PACKAGE) + "`")
                .withInstall(new AptPackage(DATASET_PACKAGE));
    }

    /** A Java >= 21 for the registry, looked up as the local stack looks it up; installable when apt offers one. */
    public Check registryJava() {
        RegistryRuntime.JavaLookup lookup;
        try {
            lookup = RegistryRuntime.findJava(host.env(), host.runningJavaHome(), host.jvmDir());
        } catch (StackException e) {
            return Check.missing("registry java", e.getMessage(), "fix or unset UNLEARN_REGISTRY_JAVA");
        }
        if (lookup.java().isPresent()) {
            return Check.ok("registry java", lookup.java().get() + " (Java >= " + RegistryRuntime.MIN_JAVA + ")");
        }
        String found = "no Java >= " + RegistryRuntime.MIN_JAVA + " (seen: " + lookup.seenOrNone() + ")";
        return new Apt(host, out).firstAvailable(JAVA_PACKAGES)
                .map(pkg -> Check.missing("registry java", found, "run `" + host.asRoot("apt-get install -y " + pkg) + "`")
                        .withInstall(new AptPackage(pkg)))
                .orElseGet(() -> Check.missing("registry java", found, "install a Java >= " + RegistryRuntime.MIN_JAVA
                        + " (e.g. a Temurin JDK) under " + host.jvmDir() + ", or set UNLEARN_REGISTRY_JAVA=<jdk>/bin/java"));
    }

    /** The unpacked Apicurio registry app, which the {@code ./unlearn} launcher builds. */
    public Check apicurioApp() {
        Path home = RegistryRuntime.apicurioHome(host.env());
        if (RegistryRuntime.isApicurioApp(home)) {
            return Check.ok("apicurio app", home.toString());
        }
        return Check.missing("apicurio app", "no quarkus-run.jar in " + home, host.env().containsKey("UNLEARN_APICURIO_HOME")
                ? "point UNLEARN_APICURIO_HOME at an unpacked apicurio-registry-app"
                : "run `./unlearn` again (it builds local-stack/target/apicurio) or `mvn -pl local-stack package`");
    }

    /**
     * Runs each check; installs a missing one where the launcher may and checks it again; then throws one
     * {@link SetupException} naming every prerequisite still missing and its fix.
     */
    public void ensure(List<Supplier<Check>> checks) {
        List<Check> failing = new ArrayList<>();
        for (Supplier<Check> check : checks) {
            Check c = check.get();
            if (c.fails() && c.install().isPresent() && host.mayInstall()) {
                c.install().get().run(new Apt(host, out));
                c = check.get();
                out.println("unlearn: " + c.name() + (c.isOk() ? " ready: " + c.detail() : " still missing after the install"));
            }
            if (c.fails()) {
                failing.add(c);
            }
        }
        if (!failing.isEmpty()) {
            throw new SetupException(failing.stream().map(c -> "missing " + c.name() + " (" + c.detail() + "): " + c.fix())
                    .collect(Collectors.joining("; also "))
                    + (!host.root() && failing.stream().anyMatch(c -> c.install().isPresent()) ? " (not root, so not installed here)" : ""));
        }
    }

    /** Installs one Debian package. */
    record AptPackage(String what) implements Check.Install {
        @Override
        public void run(Apt apt) {
            apt.install(what);
        }
    }
}
