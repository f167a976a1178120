package dev.orderly.backend.messaging;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxEvent, Long> {

    /**
     * Claims the oldest unpublished rows for the caller's transaction: locked until it ends, and skipped by every
     * other relay meanwhile ({@code FOR UPDATE SKIP LOCKED}; a lock timeout of -2 is Hibernate's "skip locked"),
     * so several backends relaying at once never publish the same row at the same time.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    List<OutboxEvent> findByPublishedAtIsNullOrderByIdAsc(Limit limit);

    long countByPublishedAtIsNull();

    @Modifying
    @Query("update OutboxEvent e set e.publishedAt = :at where e.id in :ids")
    int markPublished(@Param("ids") Collection<Long> ids, @Param("at") Instant at);
}
