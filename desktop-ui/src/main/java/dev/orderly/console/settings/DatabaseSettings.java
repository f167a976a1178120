package dev.orderly.console.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which database the in-process backend uses: the embedded H2 file in the data directory (an empty URL, the
 * default), or a PostgreSQL server shared by a team (its JDBC URL, user and password).
 *
 * @param url {@code jdbc:postgresql://host:5432/database}, or empty for the embedded H2 file
 * @param username the PostgreSQL user
 * @param password the PostgreSQL password
 */
public record DatabaseSettings(String url, String username, String password) {

    public static final DatabaseSettings EMBEDDED = new DatabaseSettings("", "", "");

    public DatabaseSettings {
        url = url == null ? "" : url.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    /** What is wrong with these settings, or {@code null}. */
    public String problem() {
        if (embedded()) {
            return null;
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            return "the PostgreSQL URL must look like jdbc:postgresql://host:5432/database";
        }
        if (username.isEmpty()) {
            return "PostgreSQL needs a user name";
        }
        return null;
    }

    /** The backend's standard Spring Boot properties for these settings (none for the embedded H2 file). */
    public Map<String, String> backendProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!embedded()) {
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", username);
            properties.put("spring.datasource.password", password);
        }
        return properties;
    }

    @Override
    public String toString() {
        return embedded() ? "embedded H2" : url + " as " + username;
    }
}
