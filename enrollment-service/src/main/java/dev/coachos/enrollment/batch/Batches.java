package dev.coachos.enrollment.batch;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.enrollment.course.Courses;
import dev.coachos.enrollment.EnrollmentEvents;
import dev.coachos.enrollment.Scope;
import dev.coachos.enrollment.identity.KnownUser;
import dev.coachos.enrollment.identity.UserDirectory;
import dev.coachos.platform.web.Dates;
import dev.coachos.events.enrollment.BatchCreated;
import dev.coachos.events.enrollment.BatchFeeChanged;
import dev.coachos.events.enrollment.BatchUpdated;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batches: opened for an active course, at most one slot a day, and never a teacher in two
 * batches at the same time. Clash checks for one teacher run one at a time (a transaction-scoped
 * advisory lock per teacher), so two parallel requests cannot both book the same hours.
 */
@Service
public class Batches {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Sorting SORTING = Sorting.of(Map.of("startDate", "b.start_date", "name", "b.name",
            "capacity", "b.capacity"), "b.start_date desc", "b.id");

    private final JdbcClient jdbc;
    private final Courses courses;
    private final UserDirectory directory;
    private final EnrollmentEvents events;
    private final ApplicationEventPublisher seats;
    private final TransactionTemplate transactions;

    Batches(JdbcClient jdbc, Courses courses, UserDirectory directory, EnrollmentEvents events,
            ApplicationEventPublisher seats, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.directory = directory;
        this.events = events;
        this.seats = seats;
        this.transactions = transactions;
    }

    /** Opens a batch; the course is looked up first, outside the transaction (it may take a call to course-service). */
    public Batch create(NewBatch request, Caller caller) {
        Dates.requireSane("startDate", request.startDate());
        Dates.requireSane("endDate", request.endDate());
        UUID branch = branchFor(request.branchId(), caller);
        if (request.teacherId() != null) {
            directory.require(request.teacherId(), KnownUser.Profile.TEACHER, "teacherId");
        }
        Courses.Course course = courses.requireActive(request.courseId(), "courseId");
        return transactions.execute(status -> insert(request, course, branch, caller));
    }

    private Batch insert(NewBatch request, Courses.Course course, UUID branch, Caller caller) {
        WeeklySchedule schedule = WeeklySchedule.parse(request.schedule());
        if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            throw Problems.invalidField("endDate", "must not be before startDate");
        }
        if (request.teacherId() != null) {
            refuseClash(request.teacherId(), null, request.startDate(), request.endDate(), schedule);
        }
        UUID id = UuidV7.next();
        BigDecimal fee = request.fee() != null ? request.fee() : course.price();
        jdbc.sql("""
                insert into batch (id, course_id, name, start_date, end_date, capacity, schedule, teacher_id, branch_id,
                                   fee, fee_frequency, teacher_compensation, teacher_commission, monthly_overhead_cost,
                                   created_by, created_at, waitlist_capacity, offer_hours)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, course.id(), request.name().strip(), Date.valueOf(request.startDate()),
                        request.endDate() == null ? null : Date.valueOf(request.endDate()),
                        request.capacity() == null ? 30 : request.capacity(), JSON.writeValueAsString(schedule.asMap()),
                        request.teacherId(), branch, fee, request.feeFrequency() == null ? "ONE_TIME"
                                : request.feeFrequency().name(),
                        request.teacherCompensation(), request.teacherCommission(), request.monthlyOverheadCost(),
                        caller.userId(), Timestamp.from(Instant.now()),
                        request.waitlistCapacity() == null ? 0 : request.waitlistCapacity(),
                        request.offerHours() == null ? 48 : request.offerHours())
                .update();
        saveSlots(id, schedule);
        Batch batch = find(id).orElseThrow();
        events.batchCreated(new BatchCreated(id.toString(), course.id().toString(), batch.name(),
                batch.startDate().toString(), batch.endDate() == null ? null : batch.endDate().toString(),
                batch.capacity(), text(batch.teacherId()), text(batch.branchId()), batch.fee().toPlainString(),
                batch.feeFrequency().name(), money(batch.teacherCompensation()), money(batch.teacherCommission()),
                money(batch.monthlyOverheadCost())));
        return batch;
    }

    /**
     * Changes name, capacity (never below the seats taken; new seats are offered to the waitlist),
     * end date, teacher, schedule, waitlist, or the fee of enrollments made from now on.
     */
    public Batch update(UUID id, BatchChange change, Caller caller) {
        if (change.teacherId() != null) {
            // Outside the transaction: a teacher created a moment ago may take a moment to be known here.
            directory.require(change.teacherId(), KnownUser.Profile.TEACHER, "teacherId");
        }
        return transactions.execute(status -> change(id, change, caller));
    }

    private Batch change(UUID id, BatchChange change, Caller caller) {
        Batch batch = locked(id, caller);
        if (batch.status() == Batch.Status.CANCELLED) {
            throw Problems.conflict("Batch '" + batch.name() + "' is cancelled and no longer changes");
        }
        Dates.requireSane("endDate", change.endDate());
        if (change.capacity() != null && change.capacity() < batch.seatsTaken()) {
            throw Problems.invalidField("capacity", "must not be below the " + batch.seatsTaken() + " seats taken");
        }
        if (change.waitlistCapacity() != null && change.waitlistCapacity() < batch.waitlisted()) {
            throw Problems.invalidField("waitlistCapacity", "must not be below the " + batch.waitlisted()
                    + " students waiting");
        }
        LocalDate end = change.endDate() != null ? change.endDate() : batch.endDate();
        if (end != null && end.isBefore(batch.startDate())) {
            throw Problems.invalidField("endDate", "must not be before the start date " + batch.startDate());
        }
        WeeklySchedule schedule = change.schedule() != null ? WeeklySchedule.parse(change.schedule())
                : WeeklySchedule.parse(batch.schedule());
        UUID teacher = change.teacherId() != null ? change.teacherId() : batch.teacherId();
        if (teacher != null) {
            refuseClash(teacher, id, batch.startDate(), end, schedule);
        }
        BigDecimal fee = change.fee() != null ? change.fee() : batch.fee();
        Batch.FeeFrequency frequency = change.feeFrequency() != null ? change.feeFrequency() : batch.feeFrequency();
        jdbc.sql("""
                update batch set name = ?, capacity = ?, end_date = ?, schedule = ?::jsonb, teacher_id = ?, fee = ?,
                                 fee_frequency = ?, waitlist_capacity = ?, offer_hours = ?
                where id = ?""")
                .params(change.name() != null ? change.name().strip() : batch.name(),
                        change.capacity() != null ? change.capacity() : batch.capacity(),
                        end == null ? null : Date.valueOf(end), JSON.writeValueAsString(schedule.asMap()), teacher,
                        fee, frequency.name(),
                        change.waitlistCapacity() != null ? change.waitlistCapacity() : batch.waitlistCapacity(),
                        change.offerHours() != null ? change.offerHours() : batch.offerHours(), id)
                .update();
        jdbc.sql("delete from batch_slot where batch_id = ?").param(id).update();
        saveSlots(id, schedule);
        if (fee.compareTo(batch.fee()) != 0 || frequency != batch.feeFrequency()) {
            events.batchFeeChanged(new BatchFeeChanged(id.toString(), batch.courseId().toString(),
                    batch.fee().toPlainString(), fee.toPlainString(), batch.feeFrequency().name(), frequency.name(),
                    Instant.now().toString()));
        }
        if (change.capacity() != null && change.capacity() > batch.capacity()) {
            seats.publishEvent(new SeatsFreed(id));
        }
        Batch updated = find(id).orElseThrow();
        published(updated);
        return updated;
    }

    /**
     * Moves a batch along its life: CLOSED takes no new enrollments (its waitlist is let go; offered
     * seats may still be confirmed), OPEN again takes them, CANCELLED drops every enrollment not yet
     * completed and gives their seats back. CANCELLED is final.
     */
    @Transactional
    public Batch changeStatus(UUID id, Batch.Status next, String reason, Caller caller) {
        Batch batch = locked(id, caller);
        if (batch.status() == next) {
            return batch;
        }
        if (!batch.status().mayBecome(next)) {
            throw Problems.conflict("A batch cannot go from " + batch.status() + " to " + next);
        }
        jdbc.sql("update batch set status = ? where id = ?").params(next.name(), id).update();
        seats.publishEvent(new StatusChanged(id, next, reason == null || reason.isBlank()
                ? "batch " + next.name().toLowerCase(java.util.Locale.ROOT) : reason.strip()));
        Batch updated = find(id).orElseThrow();
        published(updated);
        return updated;
    }

    private Batch locked(UUID id, Caller caller) {
        return jdbc.sql("select " + Batch.COLUMNS + " from batch b where b.id = ? for update").param(id)
                .query(Batch::read).optional()
                .filter(b -> Scope.of(caller, "manage:batches").reachesBatch(b.branchId(), b.teacherId()))
                .orElseThrow(() -> Problems.notFound("batch", id));
    }

    private void published(Batch batch) {
        events.batchUpdated(new BatchUpdated(batch.id().toString(), batch.name(),
                batch.endDate() == null ? null : batch.endDate().toString(), batch.capacity(),
                text(batch.teacherId()), batch.schedule(), batch.status().name(), batch.waitlistCapacity()));
    }

    /** Seats of a batch were added: the waitlist's first in line may be offered them (in the same transaction). */
    public record SeatsFreed(UUID batchId) {
    }

    /** A batch was closed, reopened or cancelled (in the same transaction): its enrollments follow. */
    public record StatusChanged(UUID batchId, Batch.Status status, String reason) {
    }

    @Transactional(readOnly = true)
    public Batch read(UUID id, Caller caller) {
        Batch batch = find(id).filter(b -> visible(b, caller)).orElseThrow(() -> Problems.notFound("batch", id));
        return caller.can("manage:batches") ? batch : batch.withoutCosts();
    }

    /** The batches in the caller's reach, newest first unless sorted otherwise. */
    @Transactional(readOnly = true)
    public PageResponse<Batch> list(UUID courseId, UUID teacherId, Caller caller, Paging paging) {
        Scope scope = Scope.of(caller, "read:batches");
        Where where = Where.always();
        switch (scope.kind()) {
            case ALL -> { }
            case BRANCH -> where.and("b.branch_id = :branch", "branch",
                    scope.branchId() == null ? new UUID(0, 0) : scope.branchId());
            case TEACHING -> where.and("b.teacher_id = :me", "me", caller.userId());
            case OWN -> where.and("exists (select 1 from enrollment e where e.batch_id = b.id and e.student_id = :me)",
                    "me", caller.userId());
        }
        where.andIfPresent(courseId, "b.course_id = :course", "course")
                .andIfPresent(teacherId, "b.teacher_id = :teacher", "teacher");
        PageResponse<Batch> page = PagedQuery.page(jdbc, Batch.COLUMNS, "batch b", where, SORTING, paging, Batch::read);
        boolean costs = caller.can("manage:batches");
        return new PageResponse<>(page.content().stream().map(b -> costs ? b : b.withoutCosts()).toList(), page.page());
    }

    /** The batches a teacher teaches. */
    public List<Batch> taughtBy(UUID teacher) {
        return jdbc.sql("select " + Batch.COLUMNS + " from batch b where b.teacher_id = ?").param(teacher)
                .query(Batch::read).list();
    }

    /** The batches a student is enrolled in (active or on hold). */
    public List<Batch> studiedBy(UUID student) {
        return jdbc.sql("select " + Batch.COLUMNS + " from batch b where exists (select 1 from enrollment e"
                + " where e.batch_id = b.id and e.student_id = ? and e.status in ('ACTIVE', 'ON_HOLD'))").param(student)
                .query(Batch::read).list();
    }

    public Optional<Batch> find(UUID id) {
        return jdbc.sql("select " + Batch.COLUMNS + " from batch b where b.id = ?").param(id).query(Batch::read)
                .optional();
    }

    /** Whether the caller sees the batch: staff in reach, its teacher, or a student enrolled in it. */
    public boolean visible(Batch batch, Caller caller) {
        Scope scope = Scope.of(caller, "read:batches");
        if (scope.kind() == Scope.Kind.OWN) {
            return jdbc.sql("select exists (select 1 from enrollment where batch_id = ? and student_id = ?)")
                    .params(batch.id(), caller.userId()).query(Boolean.class).single();
        }
        return scope.reachesBatch(batch.branchId(), batch.teacherId());
    }

    private void refuseClash(UUID teacher, UUID except, LocalDate start, LocalDate end, WeeklySchedule schedule) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("teacher:" + teacher).query().singleRow();
        record Taught(UUID id, String name, WeeklySchedule.Slot slot) {
        }
        // The teacher's other batches whose dates overlap these; whether their hours overlap is the slots' rule.
        List<Taught> taught = jdbc.sql("""
                select b.id, b.name, s.day_of_week, s.start_minute, s.end_minute
                from batch b join batch_slot s on s.batch_id = b.id
                where b.teacher_id = ? and b.id <> ?
                  and b.start_date <= coalesce(?::date, 'infinity'::date)
                  and coalesce(b.end_date, 'infinity'::date) >= ?::date
                order by b.start_date, s.day_of_week, s.start_minute""")
                .params(teacher, except == null ? new UUID(0, 0) : except, end == null ? null : Date.valueOf(end),
                        Date.valueOf(start))
                .query((rs, n) -> new Taught(rs.getObject("id", UUID.class), rs.getString("name"),
                        WeeklySchedule.Slot.ofMinutes(DayOfWeek.of(rs.getInt("day_of_week")), rs.getInt("start_minute"),
                                rs.getInt("end_minute"))))
                .list();
        for (WeeklySchedule.Slot slot : schedule.slots()) {
            for (Taught other : taught) {
                if (slot.overlaps(other.slot())) {
                    throw Problems.conflict("Teacher " + teacher + " already teaches batch '" + other.name() + "' ("
                            + other.id() + ") on " + day(slot.day()) + " " + other.slot().text() + ", which overlaps "
                            + slot.text());
                }
            }
        }
    }

    private void saveSlots(UUID batch, WeeklySchedule schedule) {
        for (WeeklySchedule.Slot slot : schedule.slots()) {
            jdbc.sql("insert into batch_slot (batch_id, day_of_week, start_minute, end_minute) values (?, ?, ?, ?)")
                    .params(batch, slot.day().getValue(), slot.startMinute(), slot.endMinute()).update();
        }
    }

    private UUID branchFor(UUID requested, Caller caller) {
        if (caller.seesAllBranches()) {
            return requested;
        }
        UUID own = caller.branchId().orElseThrow(() -> Problems.forbidden("Your account has no branch"));
        if (requested != null && !requested.equals(own)) {
            throw Problems.forbidden("You open batches only in your own branch");
        }
        return own;
    }

    private static String day(DayOfWeek day) {
        return day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String money(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
