package io.unlearn.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.lang.ArchRule;
import io.unlearn.cli.archfixture.loop.first.First;
import io.unlearn.cli.archfixture.loop.first.internals.FirstHelper;
import io.unlearn.cli.archfixture.loop.second.Second;
import org.junit.jupiter.api.Test;

/**
 * No import loop between packages: between any two packages of the project, dependencies go one way. A package's
 * {@code internals} (and anything below it) is that package's implementation, so it counts as the package itself:
 * a public API at the root and its implementation under {@code internals} may use each other, as in Kafka Streams.
 */
class PackageCyclesTest {
    private static final SliceAssignment PACKAGES_WITH_THEIR_INTERNALS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith("io.unlearn.")) {
                return SliceIdentifier.ignore();
            }
            int internals = pkg.indexOf(".internals");
            return SliceIdentifier.of(internals < 0 ? pkg : pkg.substring(0, internals));
        }

        @Override
        public String getDescription() {
            return "packages of io.unlearn, each with its internals";
        }
    };

    private static final ArchRule NO_LOOPS = slices().assignedFrom(PACKAGES_WITH_THEIR_INTERNALS).should().beFreeOfCycles()
            .because("a loop between packages means neither can be understood, tested or moved without the other — move "
                    + "the piece both need into the lower package (or under the user's `internals`), or invert the call "
                    + "with an interface the lower package owns (see docs/ARCHITECTURE.md, dependency rules)");

    @Test
    void noPackageLoopsInMainCode() {
        NO_LOOPS.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.unlearn"));
    }

    @Test
    void theRuleCatchesALoopThroughAnInternalsPackage() {
        assertThatThrownBy(() -> NO_LOOPS.check(new ClassFileImporter()
                .importClasses(First.class, FirstHelper.class, Second.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("invert the call");
    }
}
