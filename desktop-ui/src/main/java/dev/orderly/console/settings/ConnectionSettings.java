package dev.orderly.console.settings;

import java.nio.file.Path;

/**
 * Which backend the console uses: one to attach to, or the one it starts in its own process (where that one keeps
 * its data and which HTTP port it takes).
 *
 * @param attach    true: attach to {@code attachUrl}; false: start the backend in this process
 * @param attachUrl the backend to attach to ({@code http://host:8080} or https)
 * @param dataDir   the in-process backend's data directory
 * @param httpPort  the in-process backend's HTTP port (0: any free port)
 */
public record ConnectionSettings(boolean attach, String attachUrl, Path dataDir, int httpPort) {

    public ConnectionSettings withAttachUrl(String url) {
        return new ConnectionSettings(true, url, dataDir, httpPort);
    }

    public ConnectionSettings withDataDir(Path dir) {
        return new ConnectionSettings(attach, attachUrl, dir, httpPort);
    }

    public ConnectionSettings withHttpPort(int port) {
        return new ConnectionSettings(attach, attachUrl, dataDir, port);
    }
}
