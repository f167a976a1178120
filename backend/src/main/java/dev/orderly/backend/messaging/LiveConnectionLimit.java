package dev.orderly.backend.messaging;

import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import dev.orderly.backend.security.AccessSettings;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * At most {@code orderly.security.max-live-connections-per-user} STOMP connections per user at once (20: a few
 * consoles and browser tabs): each holds a socket, a session and a share of every broadcast, so a user opening them
 * without end would starve everyone else. The one over the limit is refused at CONNECT with a sentence saying so;
 * a closed connection (a DISCONNECT or a dropped socket) frees its place.
 */
@Component
class LiveConnectionLimit {

    private final int max;
    private final Map<String, Set<String>> sessions = new ConcurrentHashMap<>();

    LiveConnectionLimit(AccessSettings settings) {
        this.max = settings.maxLiveConnectionsPerUser();
    }

    /** Counts the connection in, or refuses it if {@code user} already has {@link #max} open. */
    void connecting(Principal user, String sessionId) {
        if (user == null || sessionId == null) {
            return;
        }
        sessions.compute(user.getName(), (name, open) -> {
            Set<String> mine = open == null ? new HashSet<>() : open;
            if (!mine.contains(sessionId) && mine.size() >= max) {
                throw new MessageDeliveryException("At most " + max + " live connections per user; " + name
                    + " has " + mine.size() + " open. Close a console or browser tab first.");
            }
            mine.add(sessionId);
            return mine;
        });
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        if (event.getUser() != null) {
            sessions.computeIfPresent(event.getUser().getName(), (name, open) -> {
                open.remove(event.getSessionId());
                return open.isEmpty() ? null : open;
            });
        }
    }

    /** Connections {@code user} has open now. */
    int open(String user) {
        Set<String> open = sessions.get(user);
        return open == null ? 0 : open.size();
    }
}
