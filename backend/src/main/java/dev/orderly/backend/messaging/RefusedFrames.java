package dev.orderly.backend.messaging;

import java.security.Principal;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.stomp.StompCommand;

/**
 * Logs refused STOMP frames at WARN with the user, at most {@value #PER_MINUTE} a minute; the rest are counted and
 * the count logged with the next minute's first line, so a flood of bad frames cannot flood the log. (Spring's own
 * line for the same refusal is an ERROR and is switched off in application.yml.)
 */
final class RefusedFrames {

    static final int PER_MINUTE = 10;
    private static final Logger log = LoggerFactory.getLogger(RefusedFrames.class);

    private final AtomicLong minute = new AtomicLong();
    private final AtomicLong inMinute = new AtomicLong();
    private final AtomicLong unlogged = new AtomicLong();

    void log(Principal user, StompCommand command) {
        long now = System.currentTimeMillis() / 60_000;
        long current = minute.get();
        if (now != current && minute.compareAndSet(current, now)) {
            inMinute.set(0);
        }
        if (inMinute.incrementAndGet() > PER_MINUTE) {
            unlogged.incrementAndGet();
            return;
        }
        long skipped = unlogged.getAndSet(0);
        log.warn("refused a STOMP {} frame from {}{}", command, user == null ? "a client not signed in"
            : user.getName(), skipped == 0 ? "" : " (and " + skipped + " more refused frames not logged)");
    }
}
