package dev.orderly.console.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;

/**
 * The console's passwords (database, Kafka SASL, certificate stores), kept apart from {@code console.properties}
 * in a file only the user can read ({@code rw-------} where the file system has POSIX permissions; on others, the
 * user's own profile directory). It is not encrypted: whoever can act as this user can read it, as with an SSH key.
 * No OS keyring is used (a Linux desktop's Secret Service needs a session bus, which servers and CI lack); the
 * Settings screen says where the passwords are.
 */
public final class SecretStore {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public SecretStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Properties read() {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the passwords from " + file, e);
            }
        }
        return secrets;
    }

    /** Replaces the stored passwords; the file is created owner-only before anything is written to it. */
    public void write(Properties secrets) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (posix()) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
            }
            try (OutputStream out = Files.newOutputStream(temporary)) {
                secrets.store(out, "Orderly console passwords: readable by this user only");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the passwords to " + file, e);
        }
    }

    /** "readable by you only" or why not, for the Settings screen. */
    public String describe() {
        return "Passwords are kept in " + file + ", " + (posix() ? "readable by your user only (rw-------)"
            : "in your user profile") + ", not in the settings file; no OS keyring is used.";
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
