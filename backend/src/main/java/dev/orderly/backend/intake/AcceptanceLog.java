package dev.orderly.backend.intake;

import dev.orderly.backend.db.GroupCommit;
import dev.orderly.backend.db.OrderedStop;
import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.backend.processing.ProcessingAttempt;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.model.Note;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records "accepted" timeline rows with group commit: the request thread queues its row and waits for the commit;
 * one writer commits whatever has queued up in a single transaction, as one JDBC batch ({@link TransactionInserts}).
 * Under load this turns hundreds of commits (each a write to the H2 file) into a few, while each 202 still comes
 * after its row is on disk, which the invariant checker relies on to find accepted events that never got an
 * outcome. Plain JDBC, not the repository: Hibernate's work per row (an identity insert each, the persistence
 * context) made this writer the busiest thread of the accept path in its profile (BENCHMARKS.md).
 */
@Component
class AcceptanceLog extends OrderedStop {

    private static final Logger log = LoggerFactory.getLogger(AcceptanceLog.class);
    private static final int MAX_BATCH = 500;

    private final GroupCommit<ProcessingAttempt> rows;
    private final Clock clock;

    AcceptanceLog(TransactionInserts inserts, TransactionTemplate transactions, Clock clock) {
        super(OrderedStop.WRITERS);
        this.clock = clock;
        this.rows = new GroupCommit<>("acceptance-log", MAX_BATCH,
            batch -> transactions.executeWithoutResult(status -> batch.forEach(row -> row.insertAtCommit(inserts))));
    }

    /** Records that {@code eventId} was accepted; returns once the row is committed (or failed, logged). */
    void accepted(long orderId, String eventId, Note note, RecordOrigin origin) {
        try {
            rows.submit(new ProcessingAttempt(orderId, eventId, TimelineKind.ACCEPTED, note, origin, 0,
                clock.instant())).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The event is already durable on the broker and will be processed; only its timeline row is missing.
            log.warn("order {}: the 'accepted' timeline row was not written: {}", orderId, e.toString());
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    protected void stopWork() {
        rows.close();
    }

    @Override
    protected void startWork() {
        rows.start();
    }
}
