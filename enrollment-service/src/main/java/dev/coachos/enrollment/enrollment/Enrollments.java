package dev.coachos.enrollment.enrollment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.coachos.enrollment.EnrollmentEvents;
import dev.coachos.enrollment.Scope;
import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.Batches;
import dev.coachos.enrollment.course.Courses;
import dev.coachos.enrollment.identity.AccountDeactivated;
import dev.coachos.enrollment.identity.KnownUser;
import dev.coachos.enrollment.identity.UserDirectory;
import dev.coachos.events.enrollment.EnrollmentCreated;
import dev.coachos.events.enrollment.EnrollmentStatusChanged;
import dev.coachos.events.enrollment.EnrollmentTransferred;
import dev.coachos.events.enrollment.WaitlistJoined;
import dev.coachos.events.enrollment.WaitlistPromoted;
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
 * Enrollments, seats and the waitlist. A seat is taken by one conditional update of the batch row
 * ({@code seats_taken < capacity}, and nobody waiting), so however many requests race for the last
 * seat one gets it; a full batch with a waitlist puts the student in line the same way
 * ({@code waitlisted < waitlist_capacity}). A seat given back (a drop, a transfer away, a cancelled
 * or expired offer, a raised capacity) is offered to the first in line in the same transaction, so
 * no committed state has a free seat while someone waits. Counts can never pass their limits:
 * CHECKs on the batch row say so too. One live enrollment per student per course; a dropped one
 * stays as history and the student may enroll again.
 */
@Service
public class Enrollments {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final Sorting SORTING = Sorting.of(Map.of("enrolledAt", "e.enrolled_at", "status", "e.status"),
            "e.enrolled_at desc", "e.id");

    private final JdbcClient jdbc;
    private final Batches batches;
    private final Courses courses;
    private final UserDirectory directory;
    private final IdempotencyKeys idempotency;
    private final EnrollmentEvents events;

    Enrollments(JdbcClient jdbc, Batches batches, Courses courses, UserDirectory directory, IdempotencyKeys idempotency,
            EnrollmentEvents events) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.courses = courses;
        this.directory = directory;
        this.idempotency = idempotency;
        this.events = events;
    }

    /**
     * Enrolls, or puts the student on the batch's waitlist when it is full and has one; with an
     * idempotency key, a retry returns the first answer (marked replayed) and creates nothing. The
     * batch, the course and the student are checked before the transaction (the course may take a
     * call to course-service, the student a moment to arrive from identity-service); the seat or the
     * place in line, the row, the event and the stored answer commit together.
     */
    public IdempotencyKeys.Answer enroll(NewEnrollment request, String idempotencyKey, Caller caller) {
        // A retry of a request that already succeeded gets its answer even if the world changed since.
        Optional<IdempotencyKeys.Answer> done = idempotency.finished(caller.userId(), idempotencyKey, request);
        if (done.isPresent()) {
            return done.get();
        }
        Scope scope = Scope.of(caller, "manage:enrollments");
        Batch batch = batches.find(request.batchId())
                .filter(b -> scope.reachesBatch(b.branchId(), b.teacherId()))
                .orElseThrow(() -> Problems.invalidField("batchId", "no batch with id " + request.batchId() + " in your reach"));
        if (!batch.courseId().equals(request.courseId())) {
            throw Problems.invalidField("batchId", "batch " + batch.id() + " is for another course");
        }
        BigDecimal net = NetFee.of(batch.fee(), request.discountType(), request.discount());
        KnownUser student = directory.require(request.studentId(), KnownUser.Profile.STUDENT, "studentId");
        if (scope.kind() == Scope.Kind.BRANCH && !Objects.equals(student.branchId(), scope.branchId())) {
            throw Problems.invalidField("studentId", "no student with id " + request.studentId() + " in your reach");
        }
        Courses.Course course = courses.requireActive(request.courseId(), "courseId");
        return idempotency.once(caller.userId(), idempotencyKey, request, () -> {
            Optional<UUID> existing = jdbc.sql("""
                    select id from enrollment where student_id = ? and course_id = ? and status <> 'DROPPED'""")
                    .params(request.studentId(), request.courseId()).query(UUID.class).optional();
            if (existing.isPresent()) {
                throw Problems.conflict("Student " + request.studentId() + " is already enrolled in this course ("
                        + existing.get() + ")");
            }
            Enrollment.Status status = takeSeatOrPlaceInLine(batch);
            Enrollment enrollment = insert(request.studentId(), batch, status, request.discountType(), request.discount(),
                    net, caller.userId());
            if (status == Enrollment.Status.ACTIVE) {
                created(enrollment, course.title(), batch);
            } else {
                int position = jdbc.sql("select waitlisted from batch where id = ?").param(batch.id())
                        .query(Integer.class).single();
                events.waitlistJoined(new WaitlistJoined(enrollment.id().toString(), request.studentId().toString(),
                        course.id().toString(), course.title(), batch.id().toString(), batch.name(), position));
            }
            return IdempotencyKeys.Answer.of(201, JSON.writeValueAsString(enrollment));
        });
    }

    /**
     * Enrolls a student on the institute's own behalf, with nobody calling: a converted lead whose
     * student account identity-service made or linked. It runs in the transaction of the event that
     * asks for it, and takes the seat, works out the net fee and publishes {@code EnrollmentCreated}
     * exactly as {@link #enroll} does; no reach is checked (the institute acts for itself) and the
     * row has no {@code created_by}. Unlike a request it never puts the student in line, and it
     * answers rather than throws: a batch that does not exist, is not open or is full, another live
     * enrollment in the course, an invalid discount or a deactivated account is an
     * {@link Admission.Refused} and changes nothing. A student ACTIVE in this batch already is
     * {@link Admission.Enrolled} with that enrollment, and nothing is published.
     *
     * <p>The student need not be in the directory yet (their {@code UserRegistered} may still be on
     * its way): whoever asks vouches that the id is a student's account. Only an account the
     * directory knows as deactivated is refused, as a request would be.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Admission enrollForInstitute(UUID studentId, UUID batchId, Enrollment.DiscountType discountType,
            BigDecimal discount) {
        Optional<Batch> found = batches.find(batchId);
        if (found.isEmpty()) {
            return new Admission.Refused(Admission.Reason.BATCH_NOT_FOUND, "There is no batch with id " + batchId);
        }
        Batch batch = found.get();
        Optional<Enrollment> live = jdbc.sql("select " + Enrollment.COLUMNS
                + " from enrollment e where e.student_id = ? and e.course_id = ? and e.status <> 'DROPPED'")
                .params(studentId, batch.courseId()).query(Enrollment::read).optional();
        if (live.isPresent()) {
            Enrollment earlier = live.get();
            if (earlier.batchId().equals(batchId) && earlier.status() == Enrollment.Status.ACTIVE) {
                return new Admission.Enrolled(earlier, true);
            }
            return new Admission.Refused(Admission.Reason.ALREADY_ENROLLED, "The student is already enrolled in this"
                    + " course: enrollment " + earlier.id() + " is " + earlier.status()
                    + (earlier.batchId().equals(batchId) ? " in this batch" : " in batch " + earlier.batchId()));
        }
        Optional<Courses.Course> course = courses.known(batch.courseId()).filter(Courses.Course::active);
        if (batch.status() != Batch.Status.OPEN) {
            return notOpen(batch);
        }
        if (course.isEmpty()) {
            return new Admission.Refused(Admission.Reason.BATCH_NOT_OPEN, "The course of batch '" + batch.name()
                    + "' is not active and takes no enrollments");
        }
        BigDecimal net;
        try {
            net = NetFee.of(batch.fee(), discountType, discount);
        } catch (ErrorResponseException invalid) {
            return new Admission.Refused(Admission.Reason.INVALID_DISCOUNT, invalid.getBody().getDetail());
        }
        if (directory.find(studentId).filter(user -> !user.active()).isPresent()) {
            return new Admission.Refused(Admission.Reason.STUDENT_DEACTIVATED, "The account of student " + studentId
                    + " is deactivated");
        }
        if (!seat(batch.id())) {
            Batch now = batches.find(batch.id()).orElseThrow();
            if (now.status() != Batch.Status.OPEN) {
                return notOpen(now);
            }
            return new Admission.Refused(Admission.Reason.BATCH_FULL, "Batch '" + batch.name() + "' has no free seat"
                    + (now.waitlisted() > 0 ? " (" + now.waitlisted() + " waiting for one)"
                            : " (capacity " + now.capacity() + ")"));
        }
        Enrollment enrollment = insert(studentId, batch, Enrollment.Status.ACTIVE, discountType, discount, net, null);
        created(enrollment, course.get().title(), batch);
        return new Admission.Enrolled(enrollment, false);
    }

    private static Admission.Refused notOpen(Batch batch) {
        return new Admission.Refused(Admission.Reason.BATCH_NOT_OPEN, "Batch '" + batch.name() + "' is " + batch.status()
                + " and takes no enrollments");
    }

    /** A new enrollment row; a WAITLISTED one is in line from now. {@code createdBy} is null when the institute enrolled. */
    private Enrollment insert(UUID studentId, Batch batch, Enrollment.Status status, Enrollment.DiscountType discountType,
            BigDecimal discount, BigDecimal net, UUID createdBy) {
        UUID id = UuidV7.next();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into enrollment (id, student_id, course_id, batch_id, branch_id, status, fee, fee_frequency,
                                        discount_type, discount, net_fee, enrolled_at, created_by, updated_at,
                                        waitlisted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, studentId, batch.courseId(), batch.id(), batch.branchId(), status.name(), batch.fee(),
                        batch.feeFrequency().name(), discountType == null ? null : discountType.name(), discount, net,
                        Timestamp.from(now), createdBy, Timestamp.from(now),
                        status == Enrollment.Status.WAITLISTED ? Timestamp.from(now) : null)
                .update();
        return find(id).orElseThrow();
    }

    /** A free seat, if the batch is open and nobody waits for one: one conditional update of the batch row. */
    private boolean seat(UUID batchId) {
        return jdbc.sql("""
                update batch set seats_taken = seats_taken + 1
                where id = ? and status = 'OPEN' and seats_taken < capacity and waitlisted = 0""")
                .param(batchId).update() == 1;
    }

    /**
     * A seat if one is free and nobody waits for it, else a place in line if the waitlist has room;
     * a 409 when neither (the batch is full, or it takes no enrollments).
     */
    private Enrollment.Status takeSeatOrPlaceInLine(Batch batch) {
        if (seat(batch.id())) {
            return Enrollment.Status.ACTIVE;
        }
        int inLine = jdbc.sql("""
                update batch set waitlisted = waitlisted + 1
                where id = ? and status = 'OPEN' and waitlisted < waitlist_capacity""")
                .param(batch.id()).update();
        if (inLine == 1) {
            return Enrollment.Status.WAITLISTED;
        }
        Batch now = batches.find(batch.id()).orElseThrow();
        if (now.status() != Batch.Status.OPEN) {
            throw Problems.raise(HttpStatus.CONFLICT, Problems.type("batch-not-open"), "Batch not open",
                    "Batch '" + batch.name() + "' is " + now.status() + " and takes no enrollments");
        }
        throw Problems.raise(HttpStatus.CONFLICT, Problems.type("batch-full"), "Batch full",
                "Batch '" + batch.name() + "' has no seat left (capacity " + now.capacity() + ")"
                        + (now.waitlistCapacity() > 0 ? " and its waitlist is full" : ""));
    }

    /** Moves the enrollment along its allowed transitions; a seat or place given back goes to the next in line. */
    @Transactional
    public Enrollment changeStatus(UUID id, Enrollment.Status next, String reason, Caller caller) {
        Enrollment current = locked(id).filter(e -> reaches(e, caller, true))
                .orElseThrow(() -> Problems.notFound("enrollment", id));
        if (next == Enrollment.Status.OFFERED || next == Enrollment.Status.WAITLISTED) {
            throw Problems.conflict("An enrollment becomes " + next + " only through the waitlist");
        }
        if (current.status() == Enrollment.Status.OFFERED && next == Enrollment.Status.ACTIVE) {
            requireOfferOpen(current);
            confirmed(current);
            return find(id).orElseThrow();
        }
        if (!current.status().mayBecome(next)) {
            throw Problems.conflict("An enrollment cannot go from " + current.status() + " to " + next);
        }
        move(current, next, reason);
        return find(id).orElseThrow();
    }

    /**
     * The student (or staff who manage enrollments in reach) takes the seat they were offered: the
     * enrollment becomes ACTIVE and EnrollmentCreated goes out, as for any enrollment.
     */
    @Transactional
    public Enrollment confirm(UUID id, Caller caller) {
        Enrollment current = locked(id).filter(e -> caller.is(e.studentId()) || reaches(e, caller, true))
                .orElseThrow(() -> Problems.notFound("enrollment", id));
        if (current.status() != Enrollment.Status.OFFERED) {
            throw Problems.conflict("Only an offered seat is confirmed; this enrollment is " + current.status());
        }
        requireOfferOpen(current);
        confirmed(current);
        return find(id).orElseThrow();
    }

    /**
     * Moves an active (or held) enrollment to another open batch of the same course: a seat is
     * taken there (409 if none is free), the one here is given back to the first in line, and the
     * agreed fee stays. Both batch rows are locked in one order, so crossing transfers cannot deadlock.
     */
    @Transactional
    public Enrollment transfer(UUID id, Transfer transfer, Caller caller) {
        Enrollment current = locked(id).filter(e -> reaches(e, caller, true))
                .orElseThrow(() -> Problems.notFound("enrollment", id));
        if (current.status() != Enrollment.Status.ACTIVE && current.status() != Enrollment.Status.ON_HOLD) {
            throw Problems.conflict("Only an active or held enrollment moves to another batch; this one is "
                    + current.status());
        }
        if (current.batchId().equals(transfer.batchId())) {
            throw Problems.invalidField("batchId", "the enrollment is in this batch already");
        }
        Scope scope = Scope.of(caller, "manage:enrollments");
        Batch target = batches.find(transfer.batchId()).filter(b -> scope.reachesBatch(b.branchId(), b.teacherId()))
                .orElseThrow(() -> Problems.invalidField("batchId", "no batch with id " + transfer.batchId()
                        + " in your reach"));
        if (!target.courseId().equals(current.courseId())) {
            throw Problems.invalidField("batchId", "batch " + target.id() + " is for another course");
        }
        if (target.status() != Batch.Status.OPEN) {
            throw Problems.raise(HttpStatus.CONFLICT, Problems.type("batch-not-open"), "Batch not open",
                    "Batch '" + target.name() + "' is " + target.status() + " and takes no enrollments");
        }
        jdbc.sql("select id from batch where id in (?, ?) order by id for update")
                .params(current.batchId(), target.id()).query(UUID.class).list();
        if (!seat(target.id())) {
            throw Problems.raise(HttpStatus.CONFLICT, Problems.type("batch-full"), "Batch full",
                    "Batch '" + target.name() + "' has no free seat to move into");
        }
        jdbc.sql("update enrollment set batch_id = ?, branch_id = ?, updated_at = now() where id = ?")
                .params(target.id(), target.branchId(), id).update();
        jdbc.sql("update batch set seats_taken = seats_taken - 1 where id = ?").param(current.batchId()).update();
        events.enrollmentTransferred(new EnrollmentTransferred(id.toString(), current.studentId().toString(),
                current.courseId().toString(), current.batchId().toString(), target.id().toString(),
                target.branchId() == null ? null : target.branchId().toString(), transfer.reason()));
        promoteWaitlist(current.batchId());
        return find(id).orElseThrow();
    }

    /**
     * Offers that ran out: each is dropped and its seat goes to the next in line. Offers are taken
     * with {@code skip locked}, so several instances sweep without stepping on each other.
     * Returns how many expired.
     */
    @Transactional
    public int expireOffers(int atMost) {
        List<Enrollment> expired = jdbc.sql("select " + Enrollment.COLUMNS + """
                 from enrollment e where e.status = 'OFFERED' and e.offered_until < now()
                order by e.offered_until limit ? for update skip locked""")
                .param(atMost).query(Enrollment::read).list();
        expired.forEach(e -> move(e, Enrollment.Status.DROPPED, "the offered seat was not confirmed in time"));
        return expired.size();
    }

    /**
     * An account was deactivated: its active enrollments are put on hold (their seats are kept), its
     * places in line and offered seats go to the next. (The directory remembers the account as
     * inactive, so it is not enrolled again unless identity reactivates it.)
     */
    @EventListener
    void deactivated(AccountDeactivated deactivated) {
        UUID student = deactivated.userId();
        List<Enrollment> live = jdbc.sql("select " + Enrollment.COLUMNS + """
                 from enrollment e where e.student_id = ? and e.status in ('ACTIVE', 'WAITLISTED', 'OFFERED')
                order by e.id for update""").param(student)
                .query(Enrollment::read).list();
        for (Enrollment e : live) {
            move(e, e.status() == Enrollment.Status.ACTIVE ? Enrollment.Status.ON_HOLD : Enrollment.Status.DROPPED,
                    "student account deactivated");
        }
    }

    /** A batch got more seats: they go to the waitlist first. */
    @EventListener
    void seatsFreed(Batches.SeatsFreed freed) {
        promoteWaitlist(freed.batchId());
    }

    /**
     * A batch's life changed: closing lets its waitlist go (offered seats may still be confirmed);
     * cancelling drops every enrollment not completed.
     */
    @EventListener
    void batchStatusChanged(Batches.StatusChanged changed) {
        String statuses = switch (changed.status()) {
            case OPEN -> null;
            case CLOSED -> "'WAITLISTED'";
            case CANCELLED -> "'WAITLISTED', 'OFFERED', 'ACTIVE', 'ON_HOLD'";
        };
        if (statuses == null) {
            return;
        }
        List<Enrollment> affected = jdbc.sql("select " + Enrollment.COLUMNS + " from enrollment e where e.batch_id = ?"
                + " and e.status in (" + statuses + ") order by e.id for update")
                .param(changed.batchId()).query(Enrollment::read).list();
        affected.forEach(e -> move(e, Enrollment.Status.DROPPED, changed.reason()));
    }

    private static void requireOfferOpen(Enrollment offered) {
        if (offered.offeredUntil() != null && offered.offeredUntil().isBefore(Instant.now())) {
            throw Problems.conflict("The offer ended at " + offered.offeredUntil());
        }
    }

    private void confirmed(Enrollment offered) {
        jdbc.sql("update enrollment set status = 'ACTIVE', offered_until = null, enrolled_at = now(), updated_at = now()"
                + " where id = ?").param(offered.id()).update();
        Enrollment enrollment = find(offered.id()).orElseThrow();
        Batch batch = batches.find(enrollment.batchId()).orElseThrow();
        String title = courses.knownTitle(enrollment.courseId());
        created(enrollment, title, batch);
    }

    private void created(Enrollment enrollment, String courseTitle, Batch batch) {
        events.enrollmentCreated(new EnrollmentCreated(enrollment.id().toString(), enrollment.studentId().toString(),
                enrollment.courseId().toString(), courseTitle, enrollment.batchId().toString(), batch.name(),
                enrollment.branchId() == null ? null : enrollment.branchId().toString(), enrollment.fee().toPlainString(),
                enrollment.feeFrequency(), enrollment.discountType() == null ? null : enrollment.discountType().name(),
                enrollment.discount() == null ? null : enrollment.discount().toPlainString(),
                enrollment.netFee().toPlainString(), enrollment.enrolledAt().toString(),
                batch.startDate() == null ? null : batch.startDate().toString(),
                batch.endDate() == null ? null : batch.endDate().toString()));
    }

    /**
     * Moves an enrollment and keeps the batch's counts: a seat holder dropped gives its seat back, a
     * waiting one its place; either goes to the next in line.
     */
    private void move(Enrollment current, Enrollment.Status next, String reason) {
        jdbc.sql("""
                update enrollment set status = ?, updated_at = now(), offered_until = null,
                       completed_at = case when ? = 'COMPLETED' then now() else completed_at end
                where id = ?""").params(next.name(), next.name(), current.id()).update();
        events.enrollmentStatusChanged(new EnrollmentStatusChanged(current.id().toString(), current.studentId().toString(),
                current.courseId().toString(), current.batchId().toString(), current.status().name(), next.name(), reason));
        if (next == Enrollment.Status.DROPPED) {
            if (current.status() == Enrollment.Status.WAITLISTED) {
                jdbc.sql("update batch set waitlisted = waitlisted - 1 where id = ?").param(current.batchId()).update();
            } else {
                jdbc.sql("update batch set seats_taken = seats_taken - 1 where id = ?").param(current.batchId()).update();
                promoteWaitlist(current.batchId());
            }
        }
    }

    /**
     * Offers free seats to the first in line, one by one, while seats are free and someone waits. The
     * batch row is updated conditionally, so a seat is never offered twice; the one offered is
     * locked with {@code skip locked} so parallel promotions in one batch take different people.
     */
    private void promoteWaitlist(UUID batchId) {
        while (true) {
            record Waiting(UUID id, UUID studentId, UUID courseId) {
            }
            Optional<Waiting> first = jdbc.sql("""
                    select e.id, e.student_id, e.course_id from enrollment e
                    where e.batch_id = ? and e.status = 'WAITLISTED'
                    order by e.waitlisted_at, e.id limit 1 for update skip locked""")
                    .param(batchId)
                    .query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class),
                            rs.getObject("course_id", UUID.class)))
                    .optional();
            if (first.isEmpty()) {
                return;
            }
            record Offer(String batchName, int hours) {
            }
            Optional<Offer> offer = jdbc.sql("""
                    update batch set seats_taken = seats_taken + 1, waitlisted = waitlisted - 1
                    where id = ? and status = 'OPEN' and seats_taken < capacity
                    returning name, offer_hours""")
                    .param(batchId).query((rs, n) -> new Offer(rs.getString("name"), rs.getInt("offer_hours"))).optional();
            if (offer.isEmpty()) {
                return;
            }
            Instant until = Instant.now().plus(Duration.ofHours(offer.get().hours()));
            jdbc.sql("update enrollment set status = 'OFFERED', offered_until = ?, updated_at = now() where id = ?")
                    .params(Timestamp.from(until), first.get().id()).update();
            events.waitlistPromoted(new WaitlistPromoted(first.get().id().toString(), first.get().studentId().toString(),
                    first.get().courseId().toString(), batchId.toString(), offer.get().batchName(), until.toString()));
        }
    }

    private Optional<Enrollment> locked(UUID id) {
        return jdbc.sql("select " + Enrollment.COLUMNS + " from enrollment e where e.id = ? for update").param(id)
                .query(Enrollment::read).optional();
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
