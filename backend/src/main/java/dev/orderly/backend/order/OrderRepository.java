package dev.orderly.backend.order;

import dev.orderly.model.OrderStatus;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Orders. */
public interface OrderRepository extends JpaRepository<CustomerOrder, Long>, JpaSpecificationExecutor<CustomerOrder> {

    /** Reads the order and holds its row lock until the transaction ends: status changes of one order queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from CustomerOrder o where o.id = :id")
    Optional<CustomerOrder> lockById(@Param("id") Long id);

    /**
     * Orders with {@code status} (null: any) of {@code email} (null: anyone's), as a criteria query with only the
     * filters given: a JPQL "(:p is null or ...)" leaves PostgreSQL unable to type a null parameter.
     */
    default Page<CustomerOrder> search(OrderStatus status, String email, Pageable pageable) {
        Specification<CustomerOrder> filter = (order, query, criteria) -> {
            List<Predicate> where = new ArrayList<>();
            if (status != null) {
                where.add(criteria.equal(order.get("status"), status));
            }
            if (email != null) {
                where.add(criteria.equal(criteria.lower(order.get("userEmail")), email.toLowerCase(Locale.ROOT)));
            }
            return criteria.and(where.toArray(Predicate[]::new));
        };
        return findAll(filter, pageable);
    }

    long countByStatus(OrderStatus status);

    @Query("select min(o.updatedAt) from CustomerOrder o where o.status = :status")
    Instant oldestUpdateIn(@Param("status") OrderStatus status);

    @Query("select o.status, count(o) from CustomerOrder o where lower(o.userEmail) = lower(:email) group by o.status")
    List<Object[]> countGroupedByStatusFor(@Param("email") String email);

    @Query("select o.status, count(o) from CustomerOrder o group by o.status")
    List<Object[]> countGroupedByStatus();
}
