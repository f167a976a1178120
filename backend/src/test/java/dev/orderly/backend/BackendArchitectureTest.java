package dev.orderly.backend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.DependsOn;

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
    void theIntakeNeverReachesIntoTheConsumer() {
        noClasses().that().resideInAPackage("..backend.intake..").should().dependOnClassesThat()
            .resideInAnyPackage("..backend.consume..", "..backend.process..", "..backend.deadletters..")
            .check(BACKEND);
    }

    @Test
    void theProcessingOfAnOrderKnowsNothingOfKafkasListenerMachinery() {
        noClasses().that().resideInAnyPackage("..backend.process..", "..backend.deadletters..")
            .should().dependOnClassesThat().resideInAPackage("..backend.consume..")
            .check(BACKEND);
    }

    @Test
    void noPackageIsMoreThanOneCanHoldInMind() {
        Map<String, Long> filesPerPackage = BACKEND.stream().filter(c -> c.getEnclosingClass().isEmpty())
            .collect(Collectors.groupingBy(JavaClass::getPackageName, Collectors.counting()));
        assertThat(filesPerPackage).allSatisfy((pkg, files) -> assertThat(files).as(pkg).isLessThanOrEqualTo(15));
    }

    @Test
    void noPackageIsLongerThanOneCanReadInASitting() throws IOException {
        Path sources = Path.of("src", "main", "java", "dev", "orderly", "backend");
        Map<Path, Long> linesPerPackage = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    linesPerPackage.merge(sources.relativize(file.getParent()), lines.count(), Long::sum);
                }
            }
        }
        assertThat(linesPerPackage).hasSizeGreaterThan(10)
            .allSatisfy((pkg, lines) -> assertThat(lines).as(pkg.toString()).isLessThanOrEqualTo(1_300));
    }

    @Test
    void eachTableHasOnePersistenceStyle() {
        // JPA for the order and its items (locked, changed by the state machine); plain JDBC for every other table
        // (batched with the commit, TransactionInserts). An entity written with SQL too would be mapped twice.
        classes().that().areAnnotatedWith(Entity.class).should().resideInAPackage("..backend.order..")
            .andShould().onlyDependOnClassesThat()
            .resideOutsideOfPackages("..backend.db..", "org.springframework.jdbc..")
            .check(BACKEND);
        assertThat(BACKEND.stream().filter(c -> c.isAnnotatedWith(Entity.class)).map(JavaClass::getSimpleName))
            .containsExactlyInAnyOrder("CustomerOrder", "OrderItem");
    }

    @Test
    void threadsComeFromSpringsExecutorsAndStopInTheirPhase() {
        noClasses().should().callConstructorWhere(JavaCall.Predicates.target(
            HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Thread.class))))
            .because("threads come from Spring's executors, stopped in OrderedStop's phases").check(BACKEND);
        noClasses().should().beAnnotatedWith(DependsOn.class)
            .because("the stop order is OrderedStop's list of phases").check(BACKEND);
    }

    @Test
    void settingsAreReadThroughConfigurationPropertiesRecords() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Value.class)
            .because("each feature's settings are one @ConfigurationProperties record").check(BACKEND);
    }

    @Test
    void onlyTheDeadLetterPathPublishesDeadLetters() {
        noClasses().that().doNotHaveSimpleName("DeadLetterPath").and().doNotHaveSimpleName("DeadLetterConfiguration")
            .should().dependOnClassesThat().haveSimpleName("DeadLetterPublishingRecoverer")
            .check(BACKEND);
    }

    @Test
    void importedTheBackend() {
        assertThat(BACKEND.containPackage("dev.orderly.backend.intake")).isTrue();
        assertThat(BACKEND.containPackage("dev.orderly.backend.consume")).isTrue();
        assertThat(BACKEND.containPackage("dev.orderly.backend.messaging")).isTrue();
    }
}
