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
 * The passwords in a file only the user can read ({@code rw-------} where the file system has POSIX permissions;
 * on others, the user's own profile directory), where no OS keyring is at hand. It is not encrypted: whoever can
 * act as this user can read it, as with an SSH key; the Settings screen says so.
 */
public final class SecretFile implements SecretStore {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public SecretFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
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
    @Override
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

    @Override
    public String describe() {
        return "Passwords are kept in " + file + ", " + (posix() ? "readable by your user only (rw-------)"
            : "in your user profile") + ", not in the settings file (no OS keyring was found).";
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
