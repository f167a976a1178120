package dev.orderly.backend.processing;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.model.Note;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes processing attempts: in the caller's transaction, or in one of their own for failures. */
@Component
public class AttemptLog {

    private final ProcessingAttemptRepository attempts;
    private final TransactionInserts inserts;
    private final Clock clock;

    public AttemptLog(ProcessingAttemptRepository attempts, TransactionInserts inserts, Clock clock) {
        this.attempts = attempts;
        this.inserts = inserts;
        this.clock = clock;
    }

    /** Records an attempt that must survive the rollback of whatever is going on around it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(long orderId, String eventId, TimelineKind kind, Note note, RecordOrigin origin,
        int retryCount) {
        attempts.insert(new ProcessingAttempt(orderId, eventId, kind, note, origin, retryCount, clock.instant()));
    }

    /** Records an attempt with the caller's transaction (sent with its commit, {@link TransactionInserts}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithin(OrderProcessingEvent event, TimelineKind kind, Note note, RecordOrigin origin) {
        new ProcessingAttempt(event.orderId(), event.eventId(), kind, note, origin, event.retryCount(),
            clock.instant()).insertAtCommit(inserts);
    }
}
