package dev.coachos.enrollment.enrollment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.Batches;
import dev.coachos.enrollment.course.Courses;
import dev.coachos.enrollment.support.EnrollmentEventPublisher;
import dev.coachos.enrollment.support.Scope;
import dev.coachos.events.enrollment.EnrollmentCreated;
import dev.coachos.events.enrollment.EnrollmentStatusChanged;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrollments. A seat is taken by one conditional update ({@code seats_taken < capacity}), so
 * however many requests race for the last seat, one gets it and the others a 409; the count can
 * never pass the capacity (a CHECK says so too). One enrollment per student per course.
 */
@Service
public class Enrollments {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final JdbcClient jdbc;
    private final Batches batches;
    private final Courses courses;
    private final Idempotency idempotency;
    private final EnrollmentEventPublisher events;
    private final TransactionTemplate transactions;

    Enrollments(JdbcClient jdbc, Batches batches, Courses courses, Idempotency idempotency,
            EnrollmentEventPublisher events, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.courses = courses;
        this.idempotency = idempotency;
        this.events = events;
        this.transactions = transactions;
    }

    /** Enrolls; with an idempotency key, a retry returns the first answer ({@code replayed}) and creates nothing. */
    public Outcome enroll(NewEnrollment request, String idempotencyKey, Caller caller) {
        String requestJson = idempotencyKey == null ? null : JSON.writeValueAsString(request);
        if (idempotencyKey != null) {
            // A retry of a request that already succeeded gets its answer even if the world changed since.
            Optional<Idempotency.Stored> done = idempotency.completed(caller.userId(), idempotencyKey, requestJson);
            if (done.isPresent()) {
                return new Outcome(done.get().status(), done.get().body(), true,
                        JSON.readTree(done.get().body()).path("id").asString());
            }
        }
        Batch batch = batches.find(request.batchId())
                .filter(b -> Scope.of(caller, "manage:enrollments").reachesBatch(b.branchId(), b.teacherId()))
                .orElseThrow(() -> Problems.invalidField("batchId", "no batch with id " + request.batchId() + " in your reach"));
        if (!batch.courseId().equals(request.courseId())) {
            throw Problems.invalidField("batchId", "batch " + batch.id() + " is for another course");
        }
        BigDecimal net = netFee(batch.fee(), request.discountType(), request.discount());
        Courses.Course course = courses.requireActive(request.courseId(), "courseId");
        return transactions.execute(status -> {
            if (idempotencyKey != null) {
                Optional<Idempotency.Stored> stored = idempotency.claim(caller.userId(), idempotencyKey, requestJson);
                if (stored.isPresent()) {
                    return new Outcome(stored.get().status(), stored.get().body(), true,
                            JSON.readTree(stored.get().body()).path("id").asString());
                }
            }
            if (jdbc.sql("select exists (select 1 from deactivated_user where user_id = ?)").param(request.studentId())
                    .query(Boolean.class).single()) {
                throw Problems.conflict("Student " + request.studentId() + " has a deactivated account");
            }
            Optional<UUID> existing = jdbc.sql("select id from enrollment where student_id = ? and course_id = ?")
                    .params(request.studentId(), request.courseId()).query(UUID.class).optional();
            if (existing.isPresent()) {
                throw Problems.conflict("Student " + request.studentId() + " is already enrolled in this course ("
                        + existing.get() + ")");
            }
            int seat = jdbc.sql("update batch set seats_taken = seats_taken + 1 where id = ? and seats_taken < capacity")
                    .param(batch.id()).update();
            if (seat == 0) {
                throw Problems.raise(HttpStatus.CONFLICT, Problems.type("batch-full"), "Batch full",
                        "Batch '" + batch.name() + "' has no seat left (capacity " + batch.capacity() + ")");
            }
            UUID id = UuidV7.next();
            Instant now = Instant.now();
            jdbc.sql("""
                    insert into enrollment (id, student_id, course_id, batch_id, branch_id, status, fee, fee_frequency,
                                            discount_type, discount, net_fee, enrolled_at, created_by, updated_at)
                    values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, request.studentId(), request.courseId(), batch.id(), batch.branchId(), batch.fee(),
                            batch.feeFrequency().name(),
                            request.discountType() == null ? null : request.discountType().name(), request.discount(), net,
                            Timestamp.from(now), caller.userId(), Timestamp.from(now))
                    .update();
            Enrollment enrollment = find(id).orElseThrow();
            events.publish(new EnrollmentCreated(id.toString(), request.studentId().toString(), course.id().toString(),
                    course.title(), batch.id().toString(), batch.name(),
                    batch.branchId() == null ? null : batch.branchId().toString(), batch.fee().toPlainString(),
                    batch.feeFrequency().name(), request.discountType() == null ? null : request.discountType().name(),
                    request.discount() == null ? null : request.discount().toPlainString(), net.toPlainString(),
                    now.toString()));
            String body = JSON.writeValueAsString(enrollment);
            if (idempotencyKey != null) {
                idempotency.remember(caller.userId(), idempotencyKey, 201, body);
            }
            return new Outcome(201, body, false, id.toString());
        });
    }

    /** Moves the enrollment along its allowed transitions; dropping frees the seat. */
    @Transactional
    public Enrollment changeStatus(UUID id, Enrollment.Status next, String reason, Caller caller) {
        Enrollment current = jdbc.sql("select " + Enrollment.COLUMNS + " from enrollment e where e.id = ? for update")
                .param(id).query(Enrollment::read).optional()
                .filter(e -> reaches(e, caller, true))
                .orElseThrow(() -> Problems.notFound("enrollment", id));
        if (!current.status().mayBecome(next)) {
            throw Problems.conflict("An enrollment cannot go from " + current.status() + " to " + next);
        }
        move(current, next, reason);
        return find(id).orElseThrow();
    }

    /**
     * An account was deactivated: remembered (it is not enrolled again), its calendar feed revoked,
     * and its active enrollments put on hold (their seats are kept). Returns how many were held.
     */
    @Transactional
    public int deactivated(UUID student) {
        jdbc.sql("insert into deactivated_user (user_id, deactivated_at) values (?, now()) on conflict do nothing")
                .param(student).update();
        jdbc.sql("delete from calendar_feed where user_id = ?").param(student).update();
        List<Enrollment> active = jdbc.sql("select " + Enrollment.COLUMNS
                + " from enrollment e where e.student_id = ? and e.status = 'ACTIVE' for update").param(student)
                .query(Enrollment::read).list();
        active.forEach(e -> move(e, Enrollment.Status.ON_HOLD, "student account deactivated"));
        return active.size();
    }

    private void move(Enrollment current, Enrollment.Status next, String reason) {
        jdbc.sql("""
                update enrollment set status = ?, updated_at = now(),
                       completed_at = case when ? = 'COMPLETED' then now() else completed_at end
                where id = ?""").params(next.name(), next.name(), current.id()).update();
        if (next == Enrollment.Status.DROPPED) {
            jdbc.sql("update batch set seats_taken = seats_taken - 1 where id = ?").param(current.batchId()).update();
        }
        events.publish(new EnrollmentStatusChanged(current.id().toString(), current.studentId().toString(),
                current.courseId().toString(), current.batchId().toString(), current.status().name(), next.name(), reason));
    }

    @Transactional(readOnly = true)
    public Enrollment read(UUID id, Caller caller) {
        return find(id).filter(e -> reaches(e, caller, false)).orElseThrow(() -> Problems.notFound("enrollment", id));
    }

    /** Enrollments in the caller's reach: students their own, teachers their batches', staff their branch's. */
    @Transactional(readOnly = true)
    public PageResponse<Enrollment> list(Filter filter, Caller caller, int page, int size) {
        Scope scope = Scope.of(caller, "read:enrollments");
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        switch (scope.kind()) {
            case ALL -> { }
            case BRANCH -> {
                where.append(" and e.branch_id = :branch");
                params.put("branch", scope.branchId() == null ? new UUID(0, 0) : scope.branchId());
            }
            case TEACHING -> {
                where.append(" and exists (select 1 from batch b where b.id = e.batch_id and b.teacher_id = :me)");
                params.put("me", caller.userId());
            }
            case OWN -> {
                where.append(" and e.student_id = :me");
                params.put("me", caller.userId());
            }
        }
        if (filter.batchId() != null) {
            where.append(" and e.batch_id = :batch");
            params.put("batch", filter.batchId());
        }
        if (filter.courseId() != null) {
            where.append(" and e.course_id = :course");
            params.put("course", filter.courseId());
        }
        if (filter.studentId() != null) {
            where.append(" and e.student_id = :student");
            params.put("student", filter.studentId());
        }
        if (filter.status() != null) {
            where.append(" and e.status = :status");
            params.put("status", filter.status().name());
        }
        long total = jdbc.sql("select count(*) from enrollment e" + where).params(params).query(Long.class).single();
        List<Enrollment> rows = jdbc.sql("select " + Enrollment.COLUMNS + " from enrollment e" + where
                + " order by e.enrolled_at desc, e.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(Enrollment::read).list();
        return PageResponse.of(rows, size, page, total);
    }

    Optional<Enrollment> find(UUID id) {
        return jdbc.sql("select " + Enrollment.COLUMNS + " from enrollment e where e.id = ?").param(id)
                .query(Enrollment::read).optional();
    }

    private boolean reaches(Enrollment e, Caller caller, boolean toChange) {
        Scope scope = Scope.of(caller, toChange ? "manage:enrollments" : "read:enrollments");
        if (scope.kind() == Scope.Kind.OWN) {
            return !toChange && caller.is(e.studentId());
        }
        UUID teacher = jdbc.sql("select teacher_id from batch where id = ?").param(e.batchId()).query(UUID.class)
                .optional().orElse(null);
        return scope.reachesBatch(e.branchId(), teacher) && (!toChange || caller.can("manage:enrollments"));
    }

    /** The fee after the discount; a discount above the fee (or 100%) is refused. */
    static BigDecimal netFee(BigDecimal fee, Enrollment.DiscountType type, BigDecimal discount) {
        if ((type == null) != (discount == null)) {
            throw Problems.invalidField(type == null ? "discountType" : "discount",
                    "give discountType and discount together");
        }
        if (type == null) {
            return fee;
        }
        if (discount.signum() < 0) {
            throw Problems.invalidField("discount", "must not be negative");
        }
        return switch (type) {
            case PERCENTAGE -> {
                if (discount.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw Problems.invalidField("discount", "a percentage is at most 100");
                }
                yield fee.subtract(fee.multiply(discount).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            }
            case FIXED -> {
                if (discount.compareTo(fee) > 0) {
                    throw Problems.invalidField("discount", "must not be above the fee of " + fee.toPlainString());
                }
                yield fee.subtract(discount);
            }
        };
    }

    public record NewEnrollment(UUID studentId, UUID courseId, UUID batchId, Enrollment.DiscountType discountType,
            BigDecimal discount) {
    }

    public record Filter(UUID batchId, UUID courseId, UUID studentId, Enrollment.Status status) {
    }

    /** What to answer: the status and JSON body, and whether it is a stored answer replayed. */
    public record Outcome(int status, String body, boolean replayed, String id) {
    }
}
