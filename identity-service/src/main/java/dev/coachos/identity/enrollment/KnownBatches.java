package dev.coachos.identity.enrollment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.coachos.platform.data.Arrival;
import dev.coachos.platform.web.Problems;

/**
 * The batches enrollment-service has opened, as its BatchCreated events told this service
 * ({@link BatchReadModel}). A batch opened a moment ago may not have arrived yet: a lookup waits
 * for it a little ({@code coachos.identity.batch-wait}, 3 s by default) and then says so.
 */
@Service
public class KnownBatches {


    private final JdbcClient jdbc;
    private final Duration patience;

    KnownBatches(JdbcClient jdbc, @Value("${coachos.identity.batch-wait:3s}") Duration patience) {
        this.jdbc = jdbc;
        this.patience = patience;
    }

    public boolean exists(UUID batchId) {
        return jdbc.sql("select exists (select 1 from known_batch where batch_id = ?)").param(batchId)
                .query(Boolean.class).single();
    }

    /**
     * A 400 naming {@code field} unless a BatchCreated named this batch. Call it outside a
     * transaction: it may wait for a batch opened just now, and holds no connection meanwhile.
     */
    public void require(UUID batchId, String field) {
        if (Arrival.awaited(patience, () -> exists(batchId) ? Optional.of(batchId) : Optional.empty()).isEmpty()) {
            throw Problems.invalidField(field, "no batch with id " + batchId + " is known here; a batch opened a"
                    + " moment ago may take a few seconds to arrive");
        }
    }

    /** A batch was opened; hearing of it again changes nothing. */
    void opened(UUID batchId, UUID courseId, UUID branchId) {
        jdbc.sql("""
                insert into known_batch (batch_id, course_id, branch_id, recorded_at) values (?, ?, ?, ?)
                on conflict (batch_id) do nothing""")
                .params(batchId, courseId, branchId, Timestamp.from(Instant.now())).update();
    }
}
