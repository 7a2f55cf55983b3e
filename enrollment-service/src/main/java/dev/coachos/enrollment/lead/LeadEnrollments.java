package dev.coachos.enrollment.lead;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.coachos.enrollment.EnrollmentEvents;
import dev.coachos.enrollment.enrollment.Admission;
import dev.coachos.enrollment.enrollment.Enrollment;
import dev.coachos.enrollment.enrollment.Enrollments;
import dev.coachos.events.enrollment.LeadEnrolled;
import dev.coachos.events.enrollment.LeadEnrollmentRefused;

/**
 * Enrolls a converted lead's student, once per lead ever: the enrollment is recorded against the
 * lead ({@code lead_enrollment}), and any later attempt for that lead (the same event again, or a
 * new conversion) answers {@code LeadEnrolled} with it and makes nothing. Otherwise the student is
 * enrolled by {@link Enrollments#enrollForInstitute} (the seat, fee, discount and
 * {@code EnrollmentCreated} of any enrollment), and marketing hears {@code LeadEnrolled} or
 * {@code LeadEnrollmentRefused} with the reason. Refusals are not recorded: staff may convert the
 * lead again with another batch. Runs in the transaction of the event being applied.
 */
@Service
class LeadEnrollments {

    private static final Logger log = LoggerFactory.getLogger(LeadEnrollments.class);

    private final JdbcClient jdbc;
    private final Enrollments enrollments;
    private final EnrollmentEvents events;

    LeadEnrollments(JdbcClient jdbc, Enrollments enrollments, EnrollmentEvents events) {
        this.jdbc = jdbc;
        this.enrollments = enrollments;
        this.events = events;
    }

    void enroll(Conversion conversion) {
        record Earlier(UUID enrollmentId, UUID studentId, UUID batchId) {
        }
        Optional<Earlier> earlier = jdbc.sql("""
                select e.id, e.student_id, e.batch_id from lead_enrollment l join enrollment e on e.id = l.enrollment_id
                where l.lead_id = ?""")
                .param(conversion.leadId())
                .query((rs, n) -> new Earlier(rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class),
                        rs.getObject("batch_id", UUID.class)))
                .optional();
        if (earlier.isPresent()) {
            log.info("Lead {} (conversion {}) was enrolled before: enrollment {}", conversion.leadId(),
                    conversion.conversionId(), earlier.get().enrollmentId());
            enrolled(conversion, earlier.get().enrollmentId(), earlier.get().studentId(), earlier.get().batchId());
            return;
        }
        Enrollment.DiscountType discountType;
        BigDecimal discount;
        try {
            discountType = conversion.discountType() == null ? null
                    : Enrollment.DiscountType.valueOf(conversion.discountType());
            discount = conversion.discount() == null ? null : new BigDecimal(conversion.discount());
        } catch (IllegalArgumentException unreadable) {
            refused(conversion, Admission.Reason.INVALID_DISCOUNT, "The discount must be PERCENTAGE or FIXED with an"
                    + " amount such as 10.00; it was " + conversion.discountType() + " " + conversion.discount());
            return;
        }
        switch (enrollments.enrollForInstitute(conversion.studentId(), conversion.batchId(), discountType, discount)) {
            case Admission.Enrolled enrolled -> {
                Enrollment enrollment = enrolled.enrollment();
                // The lead's key: two attempts racing for one lead cannot both commit (the loser is retried
                // and finds this row).
                jdbc.sql("""
                        insert into lead_enrollment (lead_id, enrollment_id, conversion_id, created_at)
                        values (?, ?, ?, ?)""")
                        .params(conversion.leadId(), enrollment.id(), conversion.conversionId(),
                                Timestamp.from(Instant.now()))
                        .update();
                log.info("Lead {} (conversion {}) enrolled: enrollment {}{}", conversion.leadId(),
                        conversion.conversionId(), enrollment.id(), enrolled.existing() ? ", made before" : "");
                enrolled(conversion, enrollment.id(), enrollment.studentId(), enrollment.batchId());
            }
            case Admission.Refused refusal -> refused(conversion, refusal.reason(), refusal.detail());
        }
    }

    private void enrolled(Conversion conversion, UUID enrollmentId, UUID studentId, UUID batchId) {
        events.leadEnrolled(new LeadEnrolled(conversion.leadId().toString(), conversion.conversionId().toString(),
                enrollmentId.toString(), studentId.toString(), batchId.toString()));
    }

    private void refused(Conversion conversion, Admission.Reason reason, String detail) {
        log.info("Lead {} (conversion {}) not enrolled: {} ({})", conversion.leadId(), conversion.conversionId(), reason,
                detail);
        events.leadEnrollmentRefused(new LeadEnrollmentRefused(conversion.leadId().toString(),
                conversion.conversionId().toString(), conversion.studentId().toString(),
                conversion.batchId().toString(), reason.name(), detail));
    }

    /** A lead's student to enroll: the batch, and the discount as staff gave it (type and amount, or neither). */
    record Conversion(UUID leadId, UUID conversionId, UUID studentId, UUID batchId, String discountType,
            String discount) {
    }
}
