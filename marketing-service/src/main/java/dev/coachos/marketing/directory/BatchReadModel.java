package dev.coachos.marketing.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.events.enrollment.BatchCreated;
import dev.coachos.events.enrollment.BatchUpdated;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/** Batches a lead may be converted into, from enrollment's events, each applied once. */
@Component
class BatchReadModel {

    static final String CONSUMER = "marketing.batches";

    private final Inbox inbox;
    private final JdbcClient jdbc;

    BatchReadModel(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "marketing-service.batches")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "BatchCreated" -> {
                BatchCreated b = event.payloadAs(BatchCreated.class, 1);
                UUID id = IncomingEvent.uuid(b.batchId(), "batchId");
                UUID course = IncomingEvent.uuid(b.courseId(), "courseId");
                UUID branch = b.branchId() == null ? null : IncomingEvent.uuid(b.branchId(), "branchId");
                yield () -> jdbc.sql("""
                        insert into batch_view (batch_id, course_id, branch_id, name, status, updated_at)
                        values (:id, :course, :branch, :name, 'OPEN', :now)
                        on conflict (batch_id) do nothing""")
                        .param("id", id).param("course", course).param("branch", branch).param("name", b.name())
                        .param("now", Timestamp.from(Instant.now())).update();
            }
            case "BatchUpdated" -> {
                BatchUpdated b = event.payloadAs(BatchUpdated.class, 1);
                UUID id = IncomingEvent.uuid(b.batchId(), "batchId");
                yield () -> jdbc.sql("update batch_view set name = :name, status = coalesce(:status, status), "
                        + "updated_at = :now where batch_id = :id")
                        .param("name", b.name()).param("status", b.status())
                        .param("now", Timestamp.from(Instant.now())).param("id", id).update();
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
        }
    }
}
