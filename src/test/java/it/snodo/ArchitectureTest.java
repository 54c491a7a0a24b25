package it.snodo;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module boundaries honest. A module is a direct sub-package of {@code it.snodo}, found
 * in the compiled code (no list of packages to keep up to date): a new package is a new module,
 * held to the same rules the day it appears. The modules and what each may use are in
 * docs/design.md, "Modules".
 */
class ArchitectureTest {

    private static final String ROOT = "it.snodo";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theEngineUsesNothingButItselfAndTheJdk() {
        classes()
                .that()
                .resideInAPackage(ROOT + ".engine..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(ROOT + ".engine..", "java..")
                .because("the engine must run, and be tested, without Spring, Neo4j or any other module of "
                        + "Snodo: the other modules use the engine, never the other way round")
                .check(CLASSES);
    }

    @Test
    void theModulesDependOnEachOtherWithoutCycles() {
        // No cycle is allowed, and none is known: a module that needs one that needs it is one module,
        // or an event, or a smaller interface in the lower one.
        slices().matching(ROOT + ".(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void problemDetailsAndTheCallerKnowNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".web..")
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".web.."))))
                .because("web/ is what every module answers with; it cannot know any of them")
                .check(CLASSES);
    }

    @Test
    void everyModuleIsDescribedInTheDesign() throws IOException {
        String design = Files.readString(Path.of("docs/design.md"));
        int start = design.indexOf("\n## Modules\n");
        assertThat(start).as("docs/design.md has a Modules section").isNotNegative();
        int end = design.indexOf("\n## ", start + 1);
        String modules = design.substring(start, end < 0 ? design.length() : end);
        for (JavaPackage module : CLASSES.getPackage(ROOT).getSubpackages()) {
            assertThat(modules)
                    .as("docs/design.md, Modules, describes %s", module.getName())
                    .contains("`" + module.getRelativeName() + "`");
        }
    }
}
