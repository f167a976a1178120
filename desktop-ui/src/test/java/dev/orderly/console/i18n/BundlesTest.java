package dev.orderly.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.appearance.TextSize;
import dev.orderly.console.client.StartupStep.Component;
import dev.orderly.console.client.StartupStep.Detail;
import dev.orderly.console.client.StartupStep.State;
import dev.orderly.console.appearance.Theme;
import dev.orderly.console.lesson.LessonViewModel;
import dev.orderly.console.orders.OrderDetailViewModel;
import dev.orderly.console.orders.OrderFormViewModel;
import dev.orderly.console.topics.StartAt;
import dev.orderly.model.AuditAction;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.NoteCode;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.OffsetResetRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and Korean bundles hold the same keys with the same placeholders, and every key the code asks for. */
class BundlesTest {

    private static final String DIR = "/dev/orderly/console/i18n/";
    /** A key in code: I18n.t("key"...), a tab's title key, or a status. */
    private static final Pattern USED = Pattern.compile("I18n\\.t\\(\"([\\w.]+)\"|tab\\(\"(tab\\.\\w+)\"");

    private static Map<String, String> bundle(String file) throws IOException {
        Properties words = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(DIR + file)) {
            words.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> sorted = new TreeMap<>();
        words.forEach((k, v) -> sorted.put((String) k, (String) v));
        return sorted;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Map<String, String> english = bundle("console.properties");
        Map<String, String> korean = bundle("console_ko.properties");
        assertThat(korean.keySet()).isEqualTo(english.keySet());
        english.forEach((key, words) -> assertThat(placeholders(korean.get(key))).as(key)
            .isEqualTo(placeholders(words)));
    }

    /** A key given twice is a sentence silently lost (Properties keeps the last): each key once per bundle. */
    @Test
    void noKeyIsGivenTwice() throws IOException {
        for (String file : List.of("console.properties", "console_ko.properties")) {
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            Properties counting = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (!seen.add((String) key)) {
                        twice.add((String) key);
                    }
                    return super.put(key, value);
                }
            };
            try (InputStream in = BundlesTest.class.getResourceAsStream(DIR + file)) {
                counting.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(twice).as(file).isEmpty();
        }
    }

    @Test
    void theEnglishStatusTextsAreTheModelsOwn() throws IOException {
        Map<String, String> english = bundle("console.properties");
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(english.get("statusText." + status.name())).as(status.name())
                .isEqualTo(status.getDescription());
        }
    }

    @Test
    void koreanSaysItInKorean() throws IOException {
        Map<String, String> english = bundle("console.properties");
        // The same in both languages: a user's e-mail with their role, a sentence with who made it, a name or a text
        // from elsewhere, a move between two statuses (each said in words); nothing else.
        Set<String> same = Set.of("header.user", "timeline.by", "note.NAME", "note.TEXT", "note.STATUS_MOVE");
        bundle("console_ko.properties").forEach((key, words) -> {
            if (!same.contains(key)) {
                assertThat(words).as(key).isNotEqualTo(english.get(key)).containsPattern("[가-힣]");
            }
        });
    }

    @Test
    void everyKeyTheCodeAsksForIsThere() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = USED.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        Arrays.stream(OrderStatus.values()).forEach(s -> used.add("status." + s.name()));
        // Keys the code makes from an enum's name ("audit.action." + action.name()): every value the screens show.
        Map<String, List<String>> byName = new java.util.HashMap<>(Map.of(
            "audit.action.", Arrays.stream(AuditAction.values()).map(Enum::name).toList(),
            "faults.fault.", Arrays.stream(InjectableFault.values()).filter(f -> !f.isCrash()).map(Enum::name).toList(),
            "faults.tip.", Arrays.stream(InjectableFault.values()).filter(f -> !f.isCrash()).map(Enum::name).toList(),
            "topics.start.", Arrays.stream(StartAt.values()).map(Enum::name).toList(),
            "theme.", Arrays.stream(Theme.values()).map(Enum::name).toList(),
            "status.", Arrays.stream(OrderStatus.values()).map(Enum::name).toList(),
            "statusText.", Arrays.stream(OrderStatus.values()).map(Enum::name).toList(),
            "detail.done.", Arrays.stream(OrderDetailViewModel.Action.values()).map(Enum::name).toList(),
            "textSize.", Arrays.stream(TextSize.values()).map(Enum::name).toList(),
            "lesson.step.", LessonViewModel.STEPS.stream().flatMap(step -> Stream.of("title", "does", "watch")
                .map(part -> step.number() + "." + part)).toList()));
        byName.put("offsets.target.", Arrays.stream(OffsetResetRequest.Target.values()).map(Enum::name).toList());
        byName.put("error.", Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        byName.put("note.", Arrays.stream(NoteCode.values()).map(Enum::name).toList());
        // A payment's state, as the backend names it (Payment.State); a state the console does not know is shown
        // as it comes.
        byName.put("payment.state.", List.of("AUTHORIZED", "CAPTURED", "REFUNDED"));
        byName.put("startup.component.", Arrays.stream(Component.values()).map(Enum::name).toList());
        byName.put("startup.state.", Arrays.stream(State.values()).map(Enum::name).toList());
        byName.put("startup.detail.", Arrays.stream(Detail.values()).map(Enum::name).toList());
        byName.put("dot.", List.of("up", "down", "ready", "starting", "failed", "waiting"));
        // The checker's tallies and rules, by the names the backend gives them (a name the console does not know
        // is shown as the backend says it).
        byName.put("faults.tally.", List.of("accepted", "processed", "pendingPayment", "inRetry", "inDlt", "payments",
            "captured", "voided", "declined"));
        byName.put("faults.rule.", List.of("double-capture", "capture-without-committed-order",
            "authorisation-not-voided", "amount-mismatch", "payment-unknown-to-gateway", "payment-not-captured",
            "illegal-transition", "processed-without-payment", "paid-but-unfinished", "stuck-beyond-retry-budget"));
        Set<String> prefixes = used.stream().filter(k -> k.endsWith(".")).collect(Collectors.toSet());
        assertThat(byName.keySet()).as("every key made from a name is listed here").containsAll(prefixes);
        used.removeAll(prefixes);
        byName.forEach((prefix, names) -> names.forEach(name -> used.add(prefix + name)));
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(bundle("console.properties").keySet()).containsAll(used);
    }

    /**
     * Every rule of the shared model the order form checks (walked from the two requests it sends, through what they
     * cascade to) is said in both languages; the English is the model's own message, word for word, so the console
     * and the API say the same.
     */
    @Test
    void everyRuleTheOrderFormChecksIsSaidAndTheEnglishIsTheModelsOwn() throws IOException {
        Map<String, String> english = bundle("console.properties");
        Map<String, String> rules = new TreeMap<>();
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Deque<Class<?>> types = new ArrayDeque<>(List.of(CreateOrderRequest.class, PayAndShipmentRequest.class));
            Set<Class<?>> seen = new HashSet<>();
            while (!types.isEmpty()) {
                Class<?> type = types.pop();
                if (!seen.add(type)) {
                    continue;
                }
                for (PropertyDescriptor property : factory.getValidator().getConstraintsForClass(type)
                    .getConstrainedProperties()) {
                    Set<ConstraintDescriptor<?>> constraints = new HashSet<>(property.getConstraintDescriptors());
                    if (property.isCascaded()) {
                        types.add(property.getElementClass());
                    }
                    for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
                        constraints.addAll(element.getConstraintDescriptors());
                        if (element.isCascaded()) {
                            types.add(element.getElementClass());
                        }
                    }
                    constraints.forEach(c -> rules.put(OrderFormViewModel.checkKey(type, property.getPropertyName(),
                        c.getAnnotation().annotationType()), c.getMessageTemplate()));
                }
            }
        }
        assertThat(seen(rules)).as("the form's records").contains("OrderItemRequest", "PaymentRequest",
            "ShipmentRequest");
        rules.forEach((key, message) -> assertThat(english.get(key)).as(key + "=" + message).isEqualTo(message));
    }

    private static Set<String> seen(Map<String, String> rules) {
        return rules.keySet().stream().map(k -> k.split("\\.")[1]).collect(Collectors.toSet());
    }

    /** Each of the backend's error codes is said with exactly its values, {0} to {n-1}, in the code's order. */
    @Test
    void everyErrorCodeIsSaidWithItsValues() throws IOException {
        Map<String, String> english = bundle("console.properties");
        for (ErrorCode code : ErrorCode.values()) {
            Set<Integer> expected = new TreeSet<>();
            for (int i = 0; i < code.parameters().size(); i++) {
                expected.add(i);
            }
            assertThat(english).as(code.name()).containsKey("error." + code.name());
            assertThat(placeholders(english.get("error." + code.name()))).as(code.name()).isEqualTo(expected);
        }
    }

    /**
     * Each sentence the backend stores with an order is said in both languages with exactly its values; the English
     * is the code's own pattern, word for word, so the console says what the backend stored.
     */
    @Test
    void everyNoteIsSaidWithItsValuesAndTheEnglishIsTheModelsOwn() throws IOException {
        Map<String, String> english = bundle("console.properties");
        Map<String, String> korean = bundle("console_ko.properties");
        for (NoteCode code : NoteCode.values()) {
            Set<Integer> expected = new TreeSet<>();
            for (int i = 0; i < code.parameters().size(); i++) {
                expected.add(i);
            }
            assertThat(english.get("note." + code.name())).as(code.name()).isEqualTo(code.englishPattern());
            assertThat(placeholders(korean.get("note." + code.name()))).as(code.name()).isEqualTo(expected);
        }
    }

    /** The argument numbers a pattern uses ({0}, {1}...); also fails on a pattern MessageFormat cannot read. */
    private static Set<Integer> placeholders(String words) {
        new MessageFormat(words);
        return Pattern.compile("\\{(\\d+)").matcher(words).results().map(r -> Integer.valueOf(r.group(1)))
            .collect(Collectors.toCollection(TreeSet::new));
    }
}
