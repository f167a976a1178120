package dev.orderly.backend.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's own {@code keytool}: a PKCS12 key store
 * holding the key and certificate (for a server: the backend's HTTPS, a broker's SSL listener) and a PKCS12 trust
 * store holding only the certificate (for the clients that must trust it).
 */
public record TestCertificates(Path keyStore, Path trustStore, String password) {

    /** Generates both stores in {@code dir} (valid for two days). */
    public static TestCertificates generate(Path dir, String password) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("server.p12");
        Path trustStore = dir.resolve("trust.p12");
        Path certificate = dir.resolve("server.crt");
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=localhost, O=Orderly tests", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
            "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
        keytool(dir, "-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass",
            password, "-file", certificate.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
            "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
        return new TestCertificates(keyStore, trustStore, password);
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Path log = dir.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool " + args[0] + " failed: " + Files.readString(log));
        }
    }
}
