package dev.orderly.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The trip written in docs/architecture.md names classes that exist: renaming or removing a hop changes the list. */
class ArchitectureTripTest {

    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Za-z]+)`");

    @Test
    void everyClassTheTripNamesExists() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "architecture.md"));
        int start = doc.indexOf("## One order's trip");
        assertThat(start).as("docs/architecture.md has the trip").isNotNegative();
        String trip = doc.substring(start, doc.indexOf("\n## ", start + 1));
        Set<String> named = new LinkedHashSet<>();
        Matcher matcher = NAME.matcher(trip);
        while (matcher.find()) {
            named.add(matcher.group(1));
        }
        Set<String> classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.orderly").stream().map(JavaClass::getSimpleName).collect(Collectors.toSet());
        assertThat(named).as("classes named by the trip").hasSizeGreaterThan(15);
        assertThat(named.stream().filter(name -> !classes.contains(name)).toList())
            .as("named in docs/architecture.md's trip but not a class of the code").isEmpty();
        // Every numbered hop names its thread and at least one class.
        List<String> hops = trip.lines().filter(line -> line.matches("\\d+\\. .*")).toList();
        assertThat(hops).hasSizeGreaterThanOrEqualTo(10);
    }
}
