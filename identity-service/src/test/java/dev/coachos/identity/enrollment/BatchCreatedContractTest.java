package dev.coachos.identity.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.enrollment.BatchCreated;
import dev.coachos.events.enrollment.EnrollmentEvents;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.testing.PublishedEvent;

/** enrollment-service's BatchCreated as published, read the way identity-service's batch read model reads it. */
class BatchCreatedContractTest {

    private final UUID batch = UUID.randomUUID();
    private final UUID course = UUID.randomUUID();

    @Test
    void theReadModelListensUnderTheProducersTypeNameAndVersion() {
        assertThat(EnrollmentEvents.TYPES.get(BatchReadModel.BATCH_CREATED)).isEqualTo(BatchCreated.class);
        assertThat(BatchReadModel.UNDERSTOOD_VERSION).isEqualTo(EnrollmentEvents.SCHEMA_VERSION);
    }

    @Test
    void batchCreatedGivesTheBatchItsCourseAndItsBranch() {
        UUID branch = UUID.randomUUID();
        BatchCreated produced = new BatchCreated(batch.toString(), course.toString(), "JEE Physics Jan 2027",
                "2027-01-04", "2027-06-30", 30, UUID.randomUUID().toString(), branch.toString(), "18500.00",
                "MONTHLY", "40000.00", "500.00", "12000.00");

        BatchReadModel.Opened consumed = consume(produced);

        assertThat(consumed.batchId()).isEqualTo(batch);
        assertThat(consumed.courseId()).isEqualTo(course);
        assertThat(consumed.branchId()).isEqualTo(branch);
    }

    @Test
    void aBatchOfNoBranchReadsAsNone() {
        BatchCreated produced = new BatchCreated(batch.toString(), course.toString(), "Open batch", "2027-01-04",
                null, 10, null, null, "0.00", "ONE_TIME", null, null, null);

        BatchReadModel.Opened consumed = consume(produced);

        assertThat(consumed.batchId()).isEqualTo(batch);
        assertThat(consumed.branchId()).isNull();
    }

    /** The event as the producer's outbox writes it, read back as the listener reads it. */
    private static BatchReadModel.Opened consume(BatchCreated produced) {
        IncomingEvent event = IncomingEvent.read(PublishedEvent.json(EnrollmentEvents.typeOf(produced), produced));
        assertThat(event.type()).isEqualTo(BatchReadModel.BATCH_CREATED);
        return event.payloadAs(BatchReadModel.Opened.class, BatchReadModel.UNDERSTOOD_VERSION);
    }
}
