package it.snodo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Keeps the module boundaries honest. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("it.snodo");

    @Test
    void theEngineIsPlainJavaAndJGraphT() {
        noClasses().that().resideInAPackage("it.snodo.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..",
                        "jakarta..", "com.fasterxml..", "io.swagger..")
                .because("the engine must run, and be tested, without Spring or Neo4j")
                .check(CLASSES);
        noClasses().that().resideInAPackage("it.snodo.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("it.snodo.network..", "it.snodo.web..",
                        "it.snodo.neo4j..", "it.snodo.referral..", "it.snodo.demo..")
                .because("the other modules use the engine, never the other way round")
                .check(CLASSES);
    }

    @Test
    void problemDetailsKnowNoFeature() {
        noClasses().that().resideInAPackage("it.snodo.web..")
                .should().dependOnClassesThat().resideInAnyPackage("it.snodo.network..", "it.snodo.engine..",
                        "it.snodo.referral..", "it.snodo.demo..")
                .check(CLASSES);
    }
}
