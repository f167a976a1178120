package dev.orderly.console.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Secret Service of the test's own: a private D-Bus session bus ({@code dbus-daemon}) and GNOME Keyring on it,
 * its keyrings in a temporary home, unlocked with a password of the test's. What a desktop has, without touching the
 * user's own keyring. {@link #environment()} is what a client needs to reach it.
 */
public final class SessionKeyring implements AutoCloseable {

    private final Process bus;
    private final Process keyring;
    private final Map<String, String> environment;

    private SessionKeyring(Process bus, Process keyring, Map<String, String> environment) {
        this.bus = bus;
        this.keyring = keyring;
        this.environment = environment;
    }

    /** Whether this machine has what it takes (Debian: dbus-daemon, gnome-keyring, libsecret-tools). */
    public static boolean installed() {
        return List.of("/usr/bin/dbus-daemon", "/usr/bin/gnome-keyring-daemon", "/usr/bin/secret-tool").stream()
            .allMatch(p -> Files.isExecutable(Path.of(p)));
    }

    public static SessionKeyring start(Path home) throws IOException {
        Files.createDirectories(home);
        Process bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--nopidfile",
            "--print-address=1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
        if (address == null || address.isBlank()) {
            bus.destroyForcibly();
            throw new IllegalStateException("dbus-daemon gave no address");
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("DBUS_SESSION_BUS_ADDRESS", address.strip());
        environment.put("HOME", home.toString());
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        ProcessBuilder daemon = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
            "--components=secrets").redirectErrorStream(true)
            .redirectOutput(home.resolve("gnome-keyring.log").toFile());
        daemon.environment().clear();
        daemon.environment().putAll(environment);
        Process keyring = daemon.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("session-keyring-pass".getBytes(StandardCharsets.UTF_8));
        }
        return new SessionKeyring(bus, keyring, Map.copyOf(environment));
    }

    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() throws InterruptedException {
        keyring.destroy();
        bus.destroy();
        if (!keyring.waitFor(10, TimeUnit.SECONDS)) {
            keyring.destroyForcibly();
        }
        if (!bus.waitFor(10, TimeUnit.SECONDS)) {
            bus.destroyForcibly();
        }
    }
}
