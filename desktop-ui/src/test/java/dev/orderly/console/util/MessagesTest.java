package dev.orderly.console.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.model.Note;
import dev.orderly.model.NoteCode;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.TimelineEntry;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A timeline's stored sentences in the user's language, and what a console shows when it cannot translate one. */
class MessagesTest {

    private static final Instant AT = Instant.parse("2026-12-03T04:00:00Z");

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aStoredSentenceIsSaidFromItsCodeWithItsValues() {
        TimelineEntry retry = attempt("attempt failed (gateway error); retry 1 of 3 in 500 ms",
            NoteCode.RETRY_SCHEDULED.with("gateway error", 1, 3, 500));
        I18n.use(Locale.KOREAN);
        assertThat(Messages.detail(retry)).isEqualTo("시도 실패 (gateway error). 500 ms 후 재시도 (1/3)");
        I18n.use(Locale.ENGLISH);
        assertThat(Messages.detail(retry)).isEqualTo("attempt failed (gateway error); retry 1 of 3 in 500 ms");
    }

    @Test
    void aStatusChangeSaysWhoMadeIt() {
        TimelineEntry stored = new TimelineEntry(AT, TimelineKind.STATUS_CHANGE, OrderStatus.PAYMENT_COMPLETED,
            OrderStatus.IN_WAREHOUSE, "stored at A-01-3 (pipeline)", null, null, null, null, null,
            NoteCode.STORED_AT.with("A-01-3").and(Note.ACTOR, "pipeline"));
        I18n.use(Locale.KOREAN);
        assertThat(Messages.detail(stored)).isEqualTo("A-01-3에 보관됨 (pipeline)");
    }

    @Test
    void anAuditEntrysMoveNamesBothStatusesInWords() {
        I18n.use(Locale.KOREAN);
        assertThat(Messages.of(NoteCode.STATUS_MOVE.with(OrderStatus.PREPARING, OrderStatus.SHIPMENT_STARTED),
            "PREPARING -> SHIPMENT_STARTED")).isEqualTo(I18n.status(OrderStatus.PREPARING) + " -> "
            + I18n.status(OrderStatus.SHIPMENT_STARTED)).containsPattern("[가-힣]").contains("(SHIPMENT_STARTED)");
    }

    @Test
    void aSentenceInsideASentenceIsSaidInWordsToo() {
        Note skip = NoteCode.REDRIVE_WOULD_SKIP.with(NoteCode.ORDER_MOVED_ON.with(OrderStatus.COMPLETED));
        assertThat(NoteCode.englishOf(skip))
            .isEqualTo("order is COMPLETED, no longer PENDING_PAYMENT: the redrive would be skipped as a duplicate");
        I18n.use(Locale.KOREAN);
        assertThat(Messages.of(skip, NoteCode.englishOf(skip))).isEqualTo("주문이 "
            + I18n.status(OrderStatus.COMPLETED) + " 상태라 더 이상 결제 대기 (PENDING_PAYMENT)가 아닙니다: 다시 보내도"
            + " 중복으로 건너뜁니다");
    }

    @Test
    void aRowWithoutANoteOrWithACodeThisConsoleDoesNotKnowIsShownAsStored() {
        I18n.use(Locale.KOREAN);
        assertThat(Messages.detail(attempt("written before notes", null))).isEqualTo("written before notes");
        assertThat(Messages.detail(attempt("from a newer backend", new Note("SOMETHING_NEW", Map.of("x", "1")))))
            .isEqualTo("from a newer backend");
    }

    private static TimelineEntry attempt(String detail, Note note) {
        return new TimelineEntry(AT, TimelineKind.RETRY_SCHEDULED, null, null, detail, "e-1", "order-retry-topic", 0,
            7L, 1, note);
    }
}
