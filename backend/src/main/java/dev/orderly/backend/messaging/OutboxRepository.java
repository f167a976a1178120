package dev.orderly.backend.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxEvent, Long> {

    List<OutboxEvent> findByPublishedAtIsNullOrderByIdAsc(Limit limit);

    long countByPublishedAtIsNull();

    @Modifying
    @Query("update OutboxEvent e set e.publishedAt = :at where e.id in :ids")
    int markPublished(@Param("ids") Collection<Long> ids, @Param("at") Instant at);
}
