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

    /**
     * For a JVM that lives as long as a test: the quick compiler only. Measured on this 2-core box, a test run's
     * CPU halved (four integration test classes: 106 s of CPU to 47 s, 88 s to 70 s wall), because a JVM that runs
     * for seconds spends more on the optimising compiler than it gets back. Never for benchmarks or users.
     */
    public static final String SHORT_LIVED = "-XX:TieredStopAtLevel=1";

    /**
     * Goes with {@link #SHORT_LIVED}: the quick compiler alone gets 48 MB for compiled code, which a JVM running for
     * minutes can fill (then it stops compiling and runs everything interpreted); a normal JVM's 240 MB.
     */
    public static final String CODE_CACHE = "-XX:ReservedCodeCacheSize=240m";

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
