package dev.orderly.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Keeps shared-model plain Java: both the backend and the console depend on it, never the other way. */
class SharedModelArchitectureTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.orderly.model");

    @Test
    void dependsOnNoFrameworkButJakartaValidation() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "jakarta.persistence..", "org.hibernate..", "com.fasterxml.jackson..",
            "tools.jackson..", "javafx..", "org.controlsfx..", "org.apache.kafka..")
            .because("shared-model is plain Java 17 shared by the backend and the console");
        rule.check(MODEL);
    }

    @Test
    void dependsOnNoOtherOrderlyModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.orderly.backend..", "dev.orderly.console..")
            .check(MODEL);
    }

    @Test
    void importedTheModel() {
        org.assertj.core.api.Assertions.assertThat(MODEL.contain(OrderStatus.class)).isTrue();
    }
}
