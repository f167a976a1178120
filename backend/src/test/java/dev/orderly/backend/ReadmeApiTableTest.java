package dev.orderly.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.orderly.api.OrderlyApi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The README's API table lists every endpoint the controllers map, and nothing they don't; the typed client
 * ({@link OrderlyApi}) calls none that it does not list.
 */
class ReadmeApiTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE) (/[^`?\\s]*)");

    @Test
    void theApiTableListsExactlyTheMappedEndpoints() throws IOException {
        assertThat(readmeEndpoints()).isEqualTo(mappedEndpoints());
    }

    @Test
    void theTypedClientCallsOnlyEndpointsTheTableLists() throws IOException {
        Set<String> called = new TreeSet<>();
        for (Method method : OrderlyApi.class.getDeclaredMethods()) {
            HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
            if (exchange != null && exchange.url().startsWith("/api/")) {
                called.add(exchange.method() + " " + normalise(exchange.url()));
            }
        }
        assertThat(called).as("the typed client's endpoints").hasSizeGreaterThan(30)
            .isSubsetOf(readmeEndpoints());
    }

    /** "GET /api/orders/{}" for each row of the README's API table. */
    static Set<String> readmeEndpoints() throws IOException {
        Set<String> endpoints = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find() && row.group(2).startsWith("/api/")) {
                endpoints.add(row.group(1) + " " + normalise(row.group(2)));
            }
        }
        return endpoints;
    }

    private static Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.orderly.backend")) {
            Class<?> controller = type.reflect();
            if (!controller.isAnnotationPresent(RestController.class)) {
                continue;
            }
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String path = prefix + (mapping.path().length == 0 ? "" : mapping.path()[0]);
                for (var verb : mapping.method()) {
                    endpoints.add(verb.name() + " " + normalise(path));
                }
            }
        }
        assertThat(endpoints).as("controllers found").hasSizeGreaterThan(20);
        return endpoints;
    }

    /** Path variables are named differently in prose ({id}) and code ({orderId}). */
    static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
