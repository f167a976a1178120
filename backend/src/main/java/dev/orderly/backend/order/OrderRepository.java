package dev.orderly.backend.order;

import dev.orderly.model.OrderStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Orders. */
public interface OrderRepository extends JpaRepository<CustomerOrder, Long> {

    /** Reads the order and holds its row lock until the transaction ends: status changes of one order queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from CustomerOrder o where o.id = :id")
    Optional<CustomerOrder> lockById(@Param("id") Long id);

    @Query("""
        select o from CustomerOrder o
        where (:status is null or o.status = :status)
          and (:email is null or lower(o.userEmail) = lower(:email))
        """)
    Page<CustomerOrder> search(@Param("status") OrderStatus status, @Param("email") String email, Pageable pageable);

    long countByStatus(OrderStatus status);

    @Query("select min(o.updatedAt) from CustomerOrder o where o.status = :status")
    Instant oldestUpdateIn(@Param("status") OrderStatus status);

    @Query("select o.status, count(o) from CustomerOrder o where lower(o.userEmail) = lower(:email) group by o.status")
    List<Object[]> countGroupedByStatusFor(@Param("email") String email);

    @Query("select o.status, count(o) from CustomerOrder o group by o.status")
    List<Object[]> countGroupedByStatus();
}
