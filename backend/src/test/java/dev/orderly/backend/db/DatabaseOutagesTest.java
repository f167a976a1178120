package dev.orderly.backend.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

/** What counts as the database being out of reach (503) and what is a statement's own failure. */
class DatabaseOutagesTest {

    @Test
    void aRollbackThatFailsOnADroppedConnectionIsAnOutage() {
        // As seen with PostgreSQL killed under the claim writer: the cause carried no SQL state.
        JpaSystemException failed = new JpaSystemException(new TransactionException(
            "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        assertThat(DatabaseOutages.isOutage(failed)).isTrue();
    }

    @Test
    void aConnectionStateIsAnOutageAndAKeyViolationIsNot() {
        assertThat(DatabaseOutages.isOutage(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
        assertThat(DatabaseOutages.isOutage(new DataIntegrityViolationException("duplicate key",
            new SQLException("duplicate", "23505")))).isFalse();
    }
}
