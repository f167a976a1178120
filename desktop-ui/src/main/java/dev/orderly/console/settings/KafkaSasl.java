package dev.orderly.console.settings;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JAAS line Kafka clients need for SASL, made from a user name and password (Settings asks for those, the
 * password masked, instead of a line with the password in clear), and read back from one.
 */
final class KafkaSasl {

    private static final Pattern USER = Pattern.compile("username=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PASSWORD = Pattern.compile("password=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private KafkaSasl() {
    }

    /** The JAAS line for {@code mechanism} (PLAIN or SCRAM-SHA-256/512), or "" without a user name. */
    static String jaas(String mechanism, String user, String password) {
        if (user == null || user.isBlank()) {
            return "";
        }
        String module = mechanism != null && mechanism.toUpperCase(Locale.ROOT).startsWith("SCRAM")
            ? "org.apache.kafka.common.security.scram.ScramLoginModule"
            : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + quote(user.strip()) + "\" password=\""
            + quote(password == null ? "" : password) + "\";";
    }

    static String user(String jaas) {
        return find(USER, jaas);
    }

    static String password(String jaas) {
        return find(PASSWORD, jaas);
    }

    private static String find(Pattern pattern, String jaas) {
        Matcher m = pattern.matcher(jaas == null ? "" : jaas);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
    }

    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
