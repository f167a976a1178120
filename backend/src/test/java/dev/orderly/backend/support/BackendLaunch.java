package dev.orderly.backend.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the packaged backend in a JVM of its own: the extracted jar with its class data sharing archive
 * when the build made them ({@code backend/target/orderly-backend/}, half the start-up time), else the runnable jar.
 */
public final class BackendLaunch {

    private BackendLaunch() {
    }

    /**
     * {@code java [jvmOptions] ... -jar <jar>} for the backend built under {@code backendTarget}; Spring Boot
     * arguments go after it. The JVM ignores an archive that does not match it (and then says nothing).
     */
    public static List<String> command(Path backendTarget, String... jvmOptions) {
        Path target = backendTarget.toAbsolutePath().normalize();
        Path extracted = target.resolve("orderly-backend").resolve("orderly-backend.jar");
        Path archive = target.resolve("orderly-backend").resolve("orderly-backend.jsa");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString()));
        command.addAll(List.of(jvmOptions));
        if (Files.isRegularFile(extracted) && Files.isRegularFile(archive)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", extracted.toString()));
        } else {
            command.addAll(List.of("-jar", target.resolve("orderly-backend.jar").toString()));
        }
        return command;
    }
}
