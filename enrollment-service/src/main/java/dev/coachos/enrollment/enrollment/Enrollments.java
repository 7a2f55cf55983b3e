package dev.coachos.enrollment.enrollment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.Batches;
import dev.coachos.enrollment.course.Courses;
import dev.coachos.enrollment.EnrollmentEvents;
import dev.coachos.enrollment.Scope;
import dev.coachos.events.enrollment.EnrollmentCreated;
import dev.coachos.events.enrollment.EnrollmentStatusChanged;
import dev.coachos.messaging.idempotency.IdempotencyKeys;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
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
    private static final Sorting SORTING = Sorting.of(Map.of("enrolledAt", "e.enrolled_at", "status", "e.status"),
            "e.enrolled_at desc", "e.id");

    private final JdbcClient jdbc;
    private final Batches batches;
    private final Courses courses;
    private final IdempotencyKeys idempotency;
    private final EnrollmentEvents events;

    Enrollments(JdbcClient jdbc, Batches batches, Courses courses, IdempotencyKeys idempotency,
            EnrollmentEvents events) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.courses = courses;
        this.idempotency = idempotency;
        this.events = events;
    }

    /**
     * Enrolls; with an idempotency key, a retry returns the first answer (marked replayed) and
     * creates nothing. The batch and the course are checked before the transaction (the course may
     * take a call to course-service); the seat, the row, the event and the stored answer commit together.
     */
    public IdempotencyKeys.Answer enroll(NewEnrollment request, String idempotencyKey, Caller caller) {
        // A retry of a request that already succeeded gets its answer even if the world changed since.
        Optional<IdempotencyKeys.Answer> done = idempotency.finished(caller.userId(), idempotencyKey, request);
        if (done.isPresent()) {
            return done.get();
        }
        Batch batch = batches.find(request.batchId())
                .filter(b -> Scope.of(caller, "manage:enrollments").reachesBatch(b.branchId(), b.teacherId()))
                .orElseThrow(() -> Problems.invalidField("batchId", "no batch with id " + request.batchId() + " in your reach"));
        if (!batch.courseId().equals(request.courseId())) {
            throw Problems.invalidField("batchId", "batch " + batch.id() + " is for another course");
        }
        BigDecimal net = NetFee.of(batch.fee(), request.discountType(), request.discount());
        Courses.Course course = courses.requireActive(request.courseId(), "courseId");
        return idempotency.once(caller.userId(), idempotencyKey, request, () -> {
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
            events.enrollmentCreated(new EnrollmentCreated(id.toString(), request.studentId().toString(),
                    course.id().toString(), course.title(), batch.id().toString(), batch.name(),
                    batch.branchId() == null ? null : batch.branchId().toString(), batch.fee().toPlainString(),
                    batch.feeFrequency().name(), request.discountType() == null ? null : request.discountType().name(),
                    request.discount() == null ? null : request.discount().toPlainString(), net.toPlainString(),
                    now.toString()));
            return IdempotencyKeys.Answer.of(201, JSON.writeValueAsString(enrollment));
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
     * An account was deactivated: remembered (it is not enrolled again) and its active enrollments
     * put on hold (their seats are kept). Returns how many were held.
     */
    @Transactional
    public int deactivated(UUID student) {
        jdbc.sql("insert into deactivated_user (user_id, deactivated_at) values (?, now()) on conflict do nothing")
                .param(student).update();
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
        events.enrollmentStatusChanged(new EnrollmentStatusChanged(current.id().toString(), current.studentId().toString(),
                current.courseId().toString(), current.batchId().toString(), current.status().name(), next.name(), reason));
    }

    @Transactional(readOnly = true)
    public Enrollment read(UUID id, Caller caller) {
        return find(id).filter(e -> reaches(e, caller, false)).orElseThrow(() -> Problems.notFound("enrollment", id));
    }

    /** Enrollments in the caller's reach: students their own, teachers their batches', staff their branch's. */
    @Transactional(readOnly = true)
    public PageResponse<Enrollment> list(Filter filter, Caller caller, Paging paging) {
        Scope scope = Scope.of(caller, "read:enrollments");
        Where where = Where.always();
        switch (scope.kind()) {
            case ALL -> { }
            case BRANCH -> where.and("e.branch_id = :branch", "branch",
                    scope.branchId() == null ? new UUID(0, 0) : scope.branchId());
            case TEACHING -> where.and("exists (select 1 from batch b where b.id = e.batch_id and b.teacher_id = :me)",
                    "me", caller.userId());
            case OWN -> where.and("e.student_id = :me", "me", caller.userId());
        }
        where.andIfPresent(filter.batchId(), "e.batch_id = :batch", "batch")
                .andIfPresent(filter.courseId(), "e.course_id = :course", "course")
                .andIfPresent(filter.studentId(), "e.student_id = :student", "student")
                .andIfPresent(filter.status() == null ? null : filter.status().name(), "e.status = :status", "status");
        return PagedQuery.page(jdbc, Enrollment.COLUMNS, "enrollment e", where, SORTING, paging, Enrollment::read);
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

    /** What a list of enrollments may be narrowed to. */
    public record Filter(UUID batchId, UUID courseId, UUID studentId, Enrollment.Status status) {
    }
}
