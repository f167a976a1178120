package dev.orderly.backend.processing;

import dev.orderly.model.TimelineEntry.TimelineKind;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Processing attempts, for timelines and checks. */
public interface ProcessingAttemptRepository extends JpaRepository<ProcessingAttempt, Long> {

    List<ProcessingAttempt> findByOrderIdOrderByIdAsc(Long orderId);

    long countByOrderIdAndKind(Long orderId, TimelineKind kind);
}
