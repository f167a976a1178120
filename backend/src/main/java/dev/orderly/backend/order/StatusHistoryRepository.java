package dev.orderly.backend.order;

import dev.orderly.backend.db.JdbcRows;
import dev.orderly.model.OrderStatus;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Status history of orders, with plain JDBC; inserted with each change's commit. */
@Repository
public class StatusHistoryRepository {

    private final JdbcClient jdbc;

    StatusHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StatusHistoryEntry> findByOrderIdOrderByIdAsc(Long orderId) {
        return jdbc.sql("SELECT order_id, from_status, to_status, changed_at, actor, reason, note"
            + " FROM order_status_history"
            + " WHERE order_id = ? ORDER BY id").param(orderId).query((rs, rowNum) -> {
                String from = rs.getString("from_status");
                return new StatusHistoryEntry(rs.getLong("order_id"), from == null ? null : OrderStatus.valueOf(from),
                    OrderStatus.valueOf(rs.getString("to_status")), JdbcRows.instant(rs, "changed_at"),
                    rs.getString("actor"), rs.getString("reason"), JdbcRows.note(rs, "note"));
            }).list();
    }
}
