package dev.orderly.backend.order;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Status history of orders. */
public interface StatusHistoryRepository extends JpaRepository<StatusHistoryEntry, Long> {

    List<StatusHistoryEntry> findByOrderIdOrderByIdAsc(Long orderId);
}
