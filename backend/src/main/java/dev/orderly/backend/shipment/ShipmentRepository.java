package dev.orderly.backend.shipment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Shipments. */
public interface ShipmentRepository extends JpaRepository<Shipment, Long> {

    Optional<Shipment> findByOrderId(Long orderId);
}
