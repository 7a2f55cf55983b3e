package dev.coachos.communication.enrollment;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Batches as enrollment-service's events told them ({@link EnrollmentReadModel} keeps them). */
@Service
public class Batches {

    private final JdbcClient jdbc;

    Batches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch, if it has been told of. */
    public Optional<Batch> find(UUID batch) {
        return jdbc.sql("select batch_id, name, branch_id, teacher_id from batch where batch_id = ?").param(batch)
                .query((rs, n) -> new Batch(rs.getObject("batch_id", UUID.class), rs.getString("name"),
                        rs.getObject("branch_id", UUID.class), rs.getObject("teacher_id", UUID.class)))
                .optional();
    }

    /**
     * One batch.
     *
     * @param name      null for a batch told of before names were kept, until its next change
     * @param branchId  null when the batch has no branch
     * @param teacherId null when it has no teacher
     */
    public record Batch(UUID batchId, String name, UUID branchId, UUID teacherId) {
    }
}
