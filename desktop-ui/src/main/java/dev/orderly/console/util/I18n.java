package dev.orderly.console.util;

import dev.orderly.model.OrderStatus;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.scene.text.Font;

/**
 * The console's words, from the resource bundles {@code dev/orderly/console/i18n/console*.properties} (English, the
 * default, and Korean), in the language chosen in Settings (the system's by default; a change applies at the next
 * start). A status is shown in the user's words with its enum name beside it, so a desk can still match what the
 * API and the logs say.
 */
public final class I18n {

    static final String BUNDLE = "dev.orderly.console.i18n.console";
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss")
        .withZone(ZoneId.systemDefault());
    private static volatile ResourceBundle words = load(Locale.getDefault());
    /** The language's date, made once per language rather than for every table cell that shows one. */
    private static volatile DateTimeFormatter date = dateOf(locale());

    private I18n() {
    }

    /** Uses {@code locale}'s words from now on (before the screens are built). */
    public static void use(Locale locale) {
        words = load(locale);
        date = dateOf(locale());
    }

    public static Locale locale() {
        return words.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : words.getLocale();
    }

    /**
     * Whether the user reads English, the language the backend and the client write their own sentences in (shown
     * then as they are, since they can say more than a bundle's words).
     */
    public static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(locale().getLanguage());
    }

    private static DateTimeFormatter dateOf(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
            .withZone(ZoneId.systemDefault());
    }

    private static ResourceBundle load(Locale locale) {
        // The root bundle is English: no fallback to the JVM's default locale when asked for English.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The words under {@code key}; the key itself, marked, if the bundle lacks it (a test fails on that). */
    public static String t(String key) {
        try {
            return words.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** Whether the bundle has words under {@code key} (for names another side defines, such as the checker's). */
    public static boolean has(String key) {
        return words.containsKey(key);
    }

    /** The words under {@code key} with {@code args} put in ({@link MessageFormat}, in the user's locale). */
    public static String t(String key, Object... args) {
        return new MessageFormat(t(key), locale()).format(args);
    }

    /**
     * The font family for the language's script, or null for the stylesheet's own: the stylesheet names a Latin
     * font, and JavaFX draws boxes for the letters a named font lacks, so Korean needs a font that has Hangul
     * (Debian's fonts-noto-cjk; the fonts Windows and macOS come with), else the toolkit's logical "System" font,
     * which falls back to whatever the system has.
     */
    public static String fontFamily() {
        if (!"ko".equals(locale().getLanguage())) {
            return null;
        }
        List<String> installed = Font.getFamilies();
        for (String family : List.of("Noto Sans CJK KR", "NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo")) {
            if (installed.contains(family)) {
                return family;
            }
        }
        return "System";
    }

    /**
     * The fixed-width font family for record values and offsets, as CSS ({@code -fx-font-family: '...';}): a named
     * monospace font draws boxes for Hangul just as a Latin one does, so in Korean one with Hangul (Debian's
     * fonts-noto-cjk has Noto Sans Mono CJK KR; D2Coding, or the proportional Korean font when none is installed).
     */
    public static String monospaceStyle() {
        String family = "Monospaced";
        if ("ko".equals(locale().getLanguage())) {
            List<String> installed = Font.getFamilies();
            family = List.of("Noto Sans Mono CJK KR", "D2Coding").stream().filter(installed::contains).findFirst()
                .orElseGet(I18n::fontFamily);
        }
        return "-fx-font-family: '" + family + "';";
    }

    /** A count as the user's language writes it (12,500). */
    public static String number(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** A measure as the user's language writes it, with exactly {@code decimals} digits after the point. */
    public static String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /**
     * A moment as the user's language writes a date, with the time of day on a 24-hour clock (an operations desk's
     * clock in both languages): "Dec 3, 2026 14:05:09", "2026. 12. 3. 14:05:09".
     */
    public static String dateTime(Instant at) {
        return date.format(at) + " " + TIME_OF_DAY.format(at);
    }

    /** A status in the user's words, with its name: "결제 완료 (PAYMENT_COMPLETED)"; in English the name alone. */
    public static String status(OrderStatus status) {
        if (status == null) {
            return "";
        }
        String words = t("status." + status.name());
        return words.equals(status.name()) ? words : words + " (" + status.name() + ")";
    }
}
