package dev.orderly.console.client;

import dev.orderly.console.util.I18n;

/**
 * The console's default mode: the backend runs in this JVM, and this client talks to it exactly as the remote one
 * does, over HTTP (REST) and STOMP over WebSocket on loopback, never through direct calls; so every screen behaves
 * exactly as in attach mode. Closing the client stops the backend.
 */
public class InProcessClient extends RemoteClient {

    private final EmbeddedBackend backend;

    public InProcessClient(EmbeddedBackend backend) {
        super(backend.baseUrl());
        this.backend = backend;
    }

    public EmbeddedBackend backend() {
        return backend;
    }

    @Override
    public String describe() {
        return I18n.t("connection.inProcess", baseUrl());
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            backend.close();
        }
    }
}
