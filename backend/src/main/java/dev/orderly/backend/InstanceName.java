package dev.orderly.backend;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.stereotype.Component;

/**
 * This backend's readable name among several ({@code orderly.instance-name}; by default the host name and the
 * configured HTTP port, or the process id when the port is picked at random). It prefixes the Kafka consumers'
 * client ids, so a consumer group's members say which backend they are, and it appears in order timelines
 * ("processed by ...") and the console's header.
 */
@Component("instanceName")
public class InstanceName {

    private final String name;

    InstanceName(BackendSettings settings, ServerProperties server) {
        int port = server.getPort() == null ? 8080 : server.getPort();
        this.name = settings.instanceName().isBlank() ? defaultName(port) : settings.instanceName().strip();
    }

    private static String defaultName(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return port > 0 ? host + ":" + port : host + "#" + ProcessHandle.current().pid();
    }

    public String value() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
