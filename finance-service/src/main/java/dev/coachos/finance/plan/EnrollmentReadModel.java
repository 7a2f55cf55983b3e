package dev.coachos.finance.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.finance.money.FeeSchedule;
import dev.coachos.finance.money.Money;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * What finance-service takes from enrollment-service: batches (the dates a monthly plan runs
 * between), new enrollments (a plan each) and ended ones (their installments not yet due are
 * cancelled). Each event is applied once (inbox), and a plan is unique per enrollment besides.
 */
@Component
class EnrollmentReadModel {

    static final String CONSUMER = "finance.enrollments";

    private static final Logger log = LoggerFactory.getLogger(EnrollmentReadModel.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;
    private final FeePlans plans;

    EnrollmentReadModel(Inbox inbox, JdbcTemplate jdbc, FeePlans plans) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.plans = plans;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "finance-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "BatchCreated" -> {
                BatchCreated batch = event.payloadAs(BatchCreated.class, 1);
                yield () -> batchCreated(batch);
            }
            case "BatchUpdated" -> {
                BatchUpdated batch = event.payloadAs(BatchUpdated.class, 1);
                yield () -> batchUpdated(batch);
            }
            case "EnrollmentCreated" -> {
                FeePlans.NewPlan plan = plan(event.payloadAs(EnrollmentCreated.class, 1));
                yield () -> plans.raise(plan);
            }
            case "EnrollmentStatusChanged" -> {
                StatusChanged changed = event.payloadAs(StatusChanged.class, 1);
                UUID enrollmentId = IncomingEvent.uuid(changed.enrollmentId(), "enrollmentId");
                yield "DROPPED".equals(changed.status()) || "COMPLETED".equals(changed.status())
                        ? () -> plans.enrollmentEnded(enrollmentId, changed.status(), changed.reason())
                        : null;
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to fee plans", event.type(), event.eventId());
        }
    }

    private static FeePlans.NewPlan plan(EnrollmentCreated e) {
        FeeSchedule.Frequency frequency;
        try {
            frequency = FeeSchedule.Frequency.valueOf(e.feeFrequency());
        } catch (RuntimeException ex) {
            throw new IncomingEvent.MalformedEvent("EnrollmentCreated with fee frequency " + e.feeFrequency());
        }
        BigDecimal fee = amount(e.fee(), "fee");
        BigDecimal netFee = amount(e.netFee(), "netFee");
        if (netFee.signum() < 0 || fee.signum() < 0) {
            throw new IncomingEvent.MalformedEvent("EnrollmentCreated with a negative fee");
        }
        Instant enrolledAt;
        try {
            enrolledAt = Instant.parse(e.enrolledAt());
        } catch (RuntimeException ex) {
            throw new IncomingEvent.MalformedEvent("EnrollmentCreated without a valid enrolledAt");
        }
        if (e.courseTitle() == null || e.batchName() == null) {
            throw new IncomingEvent.MalformedEvent("EnrollmentCreated without courseTitle or batchName");
        }
        return new FeePlans.NewPlan(IncomingEvent.uuid(e.enrollmentId(), "enrollmentId"),
                IncomingEvent.uuid(e.studentId(), "studentId"), IncomingEvent.uuid(e.courseId(), "courseId"),
                e.courseTitle(), IncomingEvent.uuid(e.batchId(), "batchId"), e.batchName(),
                e.branchId() == null ? null : IncomingEvent.uuid(e.branchId(), "branchId"), fee, frequency,
                e.discountType(), e.discount() == null ? null : amount(e.discount(), "discount"), netFee, enrolledAt,
                IncomingEvent.optionalDate(e.batchStartDate(), "batchStartDate"),
                IncomingEvent.optionalDate(e.batchEndDate(), "batchEndDate"));
    }

    private static BigDecimal amount(String text, String field) {
        try {
            return Money.parse(text, field);
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.MalformedEvent("EnrollmentCreated: " + e.getMessage());
        }
    }

    private void batchCreated(BatchCreated b) {
        if (b.batchId() == null || b.courseId() == null || b.name() == null) {
            throw new IncomingEvent.MalformedEvent("BatchCreated without batchId, courseId or name");
        }
        jdbc.update("""
                insert into batch_view (batch_id, course_id, branch_id, name, start_date, end_date, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (batch_id) do update set course_id = excluded.course_id, branch_id = excluded.branch_id,
                    name = excluded.name, start_date = excluded.start_date, end_date = excluded.end_date,
                    updated_at = excluded.updated_at""",
                IncomingEvent.uuid(b.batchId(), "batchId"), IncomingEvent.uuid(b.courseId(), "courseId"),
                b.branchId() == null ? null : IncomingEvent.uuid(b.branchId(), "branchId"), b.name(),
                IncomingEvent.optionalDate(b.startDate(), "startDate"), IncomingEvent.optionalDate(b.endDate(), "endDate"), now());
    }

    private void batchUpdated(BatchUpdated b) {
        UUID id = IncomingEvent.uuid(b.batchId(), "batchId");
        int known = jdbc.update("update batch_view set name = coalesce(?, name), end_date = ?, updated_at = ? where batch_id = ?",
                b.name(), IncomingEvent.optionalDate(b.endDate(), "endDate"), now(), id);
        if (known == 0) {
            throw new IncomingEvent.NotYetApplicable("batch " + id + " is not known yet");
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    record BatchCreated(String batchId, String courseId, String name, String startDate, String endDate,
            String branchId) {
    }

    record BatchUpdated(String batchId, String name, String endDate) {
    }

    record EnrollmentCreated(String enrollmentId, String studentId, String courseId, String courseTitle, String batchId,
            String batchName, String branchId, String fee, String feeFrequency, String discountType, String discount,
            String netFee, String enrolledAt, String batchStartDate, String batchEndDate) {
    }

    record StatusChanged(String enrollmentId, String status, String reason) {
    }
}
