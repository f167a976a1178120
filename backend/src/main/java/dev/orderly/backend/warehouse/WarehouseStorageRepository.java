package dev.orderly.backend.warehouse;

import org.springframework.data.jpa.repository.JpaRepository;

/** Warehouse storage. */
public interface WarehouseStorageRepository extends JpaRepository<WarehouseStorage, Long> {

    boolean existsByOrderId(Long orderId);
}
