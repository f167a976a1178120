package dev.orderly.backend.warehouse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Warehouse storage, with plain JDBC; inserted with the processing transaction's commit. */
@Repository
public class WarehouseStorageRepository {

    private final JdbcClient jdbc;

    WarehouseStorageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean existsByOrderId(Long orderId) {
        return jdbc.sql("SELECT 1 FROM warehouse_storage WHERE order_id = ?").param(orderId).query(Integer.class)
            .optional().isPresent();
    }
}
