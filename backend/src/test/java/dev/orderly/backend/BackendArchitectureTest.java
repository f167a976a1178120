package dev.orderly.backend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The backend's features depend on each other in one direction only. */
class BackendArchitectureTest {

    private static final JavaClasses BACKEND = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.orderly.backend");

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("dev.orderly.backend.(*)..").should().beFreeOfCycles().check(BACKEND);
    }

    @Test
    void theAcceptPathDoesNotReachIntoTheConsumer() {
        noClasses().that().haveSimpleName("OrderSubmitter").should().dependOnClassesThat()
            .haveSimpleNameEndingWith("Processor")
            .orShould().dependOnClassesThat().haveSimpleName("WorkBulkhead")
            .orShould().dependOnClassesThat().haveSimpleName("OffsetGate")
            .orShould().dependOnClassesThat().haveSimpleName("KeyedWorkers")
            .check(BACKEND);
    }

    @Test
    void onlyTheDeadLetterPathPublishesDeadLetters() {
        noClasses().that().doNotHaveSimpleName("DeadLetterPath").and().doNotHaveSimpleName("DeadLetterConfiguration")
            .should().dependOnClassesThat().haveSimpleName("DeadLetterPublishingRecoverer")
            .check(BACKEND);
    }

    @Test
    void importedTheBackend() {
        assertThat(BACKEND.containPackage("dev.orderly.backend.processing")).isTrue();
        assertThat(BACKEND.containPackage("dev.orderly.backend.messaging")).isTrue();
    }
}
