package io.unlearn.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.unlearn.audit.archfixture.AuditClassThatImportsTheLauncher;
import io.unlearn.ml.archfixture.EngineClassThatImportsKafka;
import io.unlearn.ml.archfixture.EngineClassWithAMain;
import io.unlearn.runtime.archfixture.RuntimeClassThatImportsAService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: schemas (Avro + Kafka serdes) ← ml (no Kafka) ← services and the audit ← launcher, with
 * the service runtime (schemas + Kafka clients) under the services and beside ml.
 * Each rule's message says how to mend a break. Runs here because the launcher sees every module.
 */
class ArchitectureTest {
    private static final String FIX = " — move the shared piece down into `schemas` (event contract) or `ml` (numerics), "
            + "or talk through a Kafka topic instead of a Java call (see docs/ARCHITECTURE.md).";
    private static JavaClasses project;

    @BeforeAll
    static void importProject() {
        project = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.unlearn");
    }

    @Test
    void schemasDependOnAvroKafkaClientsAndJacksonOnly() {
        ArchRule rule = classes().that().resideInAnyPackage("io.unlearn.schemas..", "io.unlearn.events..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.unlearn.schemas..", "io.unlearn.events..",
                        "java..", "javax.annotation..", "org.apache.avro..", "org.apache.kafka.common..",
                        "org.apache.kafka.clients..", "com.fasterxml.jackson..", "org.slf4j..")
                .because("the event contract is the bottom layer: it may know Avro, the Kafka client serde API and JSON, "
                        + "nothing of ours" + FIX);
        rule.check(project);
    }

    private static final ArchRule ML_WITHOUT_KAFKA = noClasses().that().resideInAPackage("io.unlearn.ml..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.unlearn.schemas..",
                        "io.unlearn.events..", "io.unlearn.runtime..", "io.unlearn.ingest..", "io.unlearn.worker..",
                        "io.unlearn.evaluator..", "io.unlearn.stack..", "io.unlearn.cli..")
                .because("the engine is a plain numeric library the services call; it must run without Kafka" + FIX);

    @Test
    void mlNeverImportsKafkaNorAnyService() {
        ML_WITHOUT_KAFKA.check(project);
    }

    private static final ArchRule ML_IS_A_LIBRARY = CompositeArchRule
            .of(methods().that().areDeclaredInClassesThat().resideInAPackage("io.unlearn.ml..")
                    .should().notHaveName("main").allowEmptyShould(true))
            .and(noClasses().that().resideInAPackage("io.unlearn.ml..")
                    .should().dependOnClassesThat().resideInAPackage("io.unlearn.bench.."))
            .because("ml is a library: a command-line entry point or a benchmark belongs in the bench module"
                    + " (io.unlearn.bench, a typed subcommand of `unlearn bench`); move the main method or the benchmark"
                    + " code there and call ml's public API from it");

    @Test
    void mlHasNoMainMethodAndNoBenchmarkCode() {
        ML_IS_A_LIBRARY.check(project);
    }

    @Test
    void theRulesCatchABreak() {
        JavaClasses broken = new ClassFileImporter().importClasses(EngineClassThatImportsKafka.class);
        assertThatThrownBy(() -> ML_WITHOUT_KAFKA.check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("EngineClassThatImportsKafka")
                .hasMessageContaining("move the shared piece down");
        JavaClasses withMain = new ClassFileImporter().importClasses(EngineClassWithAMain.class);
        assertThatThrownBy(() -> ML_IS_A_LIBRARY.check(withMain))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("EngineClassWithAMain.main")
                .hasMessageContaining("io.unlearn.bench.harness.MarkdownSections")
                .hasMessageContaining("move the main method or the benchmark code there");
    }

    private static final ArchRule AUDIT_WITHOUT_SERVICES = noClasses().that().resideInAPackage("io.unlearn.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.unlearn.ingest..", "io.unlearn.worker..",
                        "io.unlearn.evaluator..", "io.unlearn.cli..", "io.unlearn.stack..")
                .because("the audit is a library that judges any cluster by its topics alone, so it must not need a running"
                        + " service's classes nor the launcher: read what you need from the event log (a Topics entry in"
                        + " `schemas`), move shared artifact code into `ml`, and keep console output and exit codes in"
                        + " `unlearn-cli`, which calls Audit.replay");

    @Test
    void theAuditDependsOnNoServiceNorTheLauncher() {
        AUDIT_WITHOUT_SERVICES.check(project);
    }

    @Test
    void theAuditRuleCatchesABreak() {
        JavaClasses broken = new ClassFileImporter().importClasses(AuditClassThatImportsTheLauncher.class);
        assertThatThrownBy(() -> AUDIT_WITHOUT_SERVICES.check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AuditClassThatImportsTheLauncher")
                .hasMessageContaining("which calls Audit.replay");
    }

    @Test
    void servicesNeverImportEachOther() {
        String[][] pairs = {
            {"io.unlearn.ingest..", "io.unlearn.worker..", "io.unlearn.evaluator.."},
            {"io.unlearn.worker..", "io.unlearn.ingest..", "io.unlearn.evaluator.."},
            {"io.unlearn.evaluator..", "io.unlearn.ingest..", "io.unlearn.worker.."},
        };
        for (String[] p : pairs) {
            noClasses().that().resideInAPackage(p[0])
                    .should().dependOnClassesThat().resideInAnyPackage(p[1], p[2], "io.unlearn.cli..")
                    .because("services cooperate only through topics, so each scales and fails on its own; plumbing two "
                            + "services both need (config keys, loop lifecycle, transactions, topic readers, ops endpoint) "
                            + "belongs in service-runtime (io.unlearn.runtime), which every service may use" + FIX)
                    .allowEmptyShould(true)
                    .check(project);
        }
    }

    private static final ArchRule RUNTIME_BELOW_THE_SERVICES = noClasses().that().resideInAPackage("io.unlearn.runtime..")
            .should().dependOnClassesThat().resideInAnyPackage("io.unlearn.ingest..", "io.unlearn.worker..",
                    "io.unlearn.evaluator..", "io.unlearn.audit..", "io.unlearn.demo..", "io.unlearn.bench..", "io.unlearn.ml..",
                    "io.unlearn.cli..", "io.unlearn.stack..")
            .because("service-runtime is what every service shares, so it may know the event contract and the Kafka "
                    + "clients but no service, not the engine (ml) and not the launcher — keep the service-specific part "
                    + "in the service and hand the runtime an interface or a callback (as ServiceLoop and the TopicTail sink are), "
                    + "or move the shared piece down into `schemas`");

    @Test
    void theRuntimeDependsOnNoServiceNorTheEngineNorTheLauncher() {
        RUNTIME_BELOW_THE_SERVICES.check(project);
    }

    @Test
    void theRuntimeRuleCatchesABreak() {
        JavaClasses broken = new ClassFileImporter().importClasses(RuntimeClassThatImportsAService.class);
        assertThatThrownBy(() -> RUNTIME_BELOW_THE_SERVICES.check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RuntimeClassThatImportsAService")
                .hasMessageContaining("hand the runtime an interface");
    }

    @Test
    void theLocalStackIsInfrastructureOnly() {
        noClasses().that().resideInAPackage("io.unlearn.stack..")
                .should().dependOnClassesThat().resideInAnyPackage("io.unlearn.schemas..", "io.unlearn.ml..",
                        "io.unlearn.runtime..", "io.unlearn.ingest..", "io.unlearn.worker..", "io.unlearn.evaluator..", "io.unlearn.cli..")
                .because("the local stack starts a broker and a registry; what runs on them is the services' business" + FIX)
                .check(project);
    }

    @Test
    void theApplicationsNeverImportTheLauncherNorEachOther() {
        String[][] pairs = {
            {"io.unlearn.demo..", "io.unlearn.bench.."},
            {"io.unlearn.bench..", "io.unlearn.demo.."},
        };
        for (String[] p : pairs) {
            noClasses().that().resideInAPackage(p[0])
                    .should().dependOnClassesThat().resideInAnyPackage(p[1], "io.unlearn.cli..")
                    .because("the demo and the benchmarks are applications over the services that the launcher and the "
                            + "it suite call; what both need belongs in a service, the runtime, `ml` or `schemas`" + FIX)
                    .check(project);
        }
    }
}
