package dev.orderly.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** MVVM: a view binds to its view-model and nothing else; only view-models call the backend. */
class ConsoleArchitectureTest {

    /** The backend and the client, but not the client's value types a view may show (a start-up step). */
    private static final DescribedPredicate<JavaClass> SERVICES =
        JavaClass.Predicates.resideInAnyPackage("dev.orderly.console.client..", "dev.orderly.backend..")
            .and(DescribedPredicate.not(HasName.Predicates.nameStartingWith("dev.orderly.console.client.StartupStep")));

    private static final JavaClasses CONSOLE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.orderly.console");

    @Test
    void viewsTalkOnlyToViewModels() {
        noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleName("ConsoleShell")
            .should().dependOnClassesThat(SERVICES)
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
            .orShould().dependOnClassesThat().haveSimpleName("TaskRunner")
            .orShould().dependOnClassesThat().haveSimpleName("SubmissionWatcher")
            .because("a view binds to its view-model, which is the only layer that calls services")
            .check(CONSOLE);
    }

    @Test
    void viewModelsNeverTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..")
            .check(CONSOLE);
    }

    @Test
    void importedTheConsole() {
        assertThat(CONSOLE.containPackage("dev.orderly.console.shell")).isTrue();
        assertThat(CONSOLE.stream().filter(c -> c.getSimpleName().endsWith("View")).count()).isGreaterThan(8);
    }
}
