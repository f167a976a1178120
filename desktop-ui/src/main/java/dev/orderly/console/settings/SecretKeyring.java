package dev.orderly.console.settings;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The passwords in the desktop's keyring (the freedesktop Secret Service: GNOME Keyring, KWallet), through libsecret's
 * {@code secret-tool}, one item per setting, looked up by application "orderly", the settings file it belongs to,
 * and the setting's name. Used only when a session bus is set and {@code secret-tool} answers. Not a Java library:
 * the Secret Service speaks D-Bus, and secret-tool is the desktop's own client for it.
 */
public final class SecretKeyring implements SecretStore {

    private static final long TIMEOUT_SECONDS = 10;

    private final String storeId;
    private final Map<String, String> environment;
    /**
     * What this store last read or wrote: each look-up or change is a process and a D-Bus round trip, and the
     * console reads its settings again on every Save and sign-in. Only this console writes its items.
     */
    private Properties known;

    /**
     * @param storeId     which console's passwords (its settings file), so two settings files keep theirs apart
     * @param environment the environment secret-tool runs in ({@code DBUS_SESSION_BUS_ADDRESS}, {@code PATH})
     */
    public SecretKeyring(String storeId, Map<String, String> environment) {
        this.storeId = storeId;
        this.environment = Map.copyOf(environment);
    }

    /** Whether a Secret Service answers: a session bus is set, secret-tool is installed and a look-up works. */
    public boolean available() {
        if (environment.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isBlank() || secretTool() == null) {
            return false;
        }
        try {
            Result probe = run(null, "lookup", "application", "orderly", "store", storeId, "key", "probe");
            // 0: found, 1 with nothing on stderr: not found; anything else: no service to talk to.
            return probe.exit() == 0 || (probe.exit() == 1 && probe.error().isBlank());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized Properties read() {
        if (known == null) {
            known = new Properties();
            for (String key : SettingsStore.SECRETS) {
                Result found = call(null, "lookup", "application", "orderly", "store", storeId, "key", key);
                if (found.exit() == 0) {
                    known.setProperty(key, found.output());
                }
            }
        }
        Properties copy = new Properties();
        copy.putAll(known);
        return copy;
    }

    @Override
    public synchronized void write(Properties secrets) {
        Properties before = read();
        for (String key : SettingsStore.SECRETS) {
            String value = secrets.getProperty(key, "");
            if (value.equals(before.getProperty(key, ""))) {
                continue;
            }
            Result result = value.isEmpty()
                ? call(null, "clear", "application", "orderly", "store", storeId, "key", key)
                : call(value, "store", "--label", "Orderly console: " + key, "application", "orderly", "store",
                    storeId, "key", key);
            if (result.exit() != 0 && !value.isEmpty()) {
                known = null;
                throw new IllegalStateException("The keyring did not take the password " + key + ": "
                    + result.error().strip());
            }
            if (value.isEmpty()) {
                known.remove(key);
            } else {
                known.setProperty(key, value);
            }
        }
    }

    @Override
    public String describe() {
        return "Passwords are kept in your desktop's keyring (Secret Service, as \"Orderly console: ...\"), not in"
            + " the settings file.";
    }

    private record Result(int exit, String output, String error) {
    }

    private Result call(String input, String... args) {
        try {
            return run(input, args);
        } catch (IOException e) {
            throw new UncheckedIOException("The keyring cannot be reached: " + e.getMessage(), e);
        }
    }

    private Result run(String input, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(secretTool().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("secret-tool did not answer within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
            StandardCharsets.UTF_8), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Path secretTool() {
        for (String dir : environment.getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "secret-tool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
