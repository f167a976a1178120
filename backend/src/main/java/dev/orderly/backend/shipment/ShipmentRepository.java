package dev.orderly.backend.shipment;

import dev.orderly.backend.db.JdbcRows;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shipments, with plain JDBC; inserted with the processing transaction's commit ({@link Shipment#insertAtCommit}). */
@Repository
public class ShipmentRepository {

    private final JdbcClient jdbc;

    ShipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Shipment> findByOrderId(Long orderId) {
        return jdbc.sql("SELECT order_id, recipient, phone, address, zip_code, tracking_no, created_at FROM shipments"
            + " WHERE order_id = ?").param(orderId).query((rs, rowNum) -> new Shipment(rs.getLong("order_id"),
                rs.getString("recipient"), rs.getString("phone"), rs.getString("address"), rs.getString("zip_code"),
                rs.getString("tracking_no"), JdbcRows.instant(rs, "created_at"))).optional();
    }
}
