package dev.orderly.backend.security;

import java.io.Console;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the {@code {bcrypt}} hash of a password for {@code orderly.security.users[n].password}, so a team's
 * configuration never holds a password in plain text. Run from the backend jar (README, "Users for a team"):
 * {@code java -cp backend/target/orderly-backend.jar -Dloader.main=dev.orderly.backend.security.HashPassword
 * org.springframework.boot.loader.launch.PropertiesLauncher}; it asks for the password without echoing it (or
 * takes it as the first argument, which leaves it in the shell's history).
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) {
        String password;
        if (args.length > 0) {
            password = args[0];
        } else {
            Console console = System.console();
            if (console == null) {
                System.err.println("No terminal to ask for the password on: pass it as the first argument");
                System.exit(2);
                return;
            }
            password = new String(console.readPassword("Password to hash: "));
        }
        if (password.isBlank()) {
            System.err.println("The password is empty");
            System.exit(2);
            return;
        }
        System.out.println(hash(password));
    }

    static String hash(String password) {
        return "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
    }
}
