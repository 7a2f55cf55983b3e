package dev.coachos.finance.teaching;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.finance.FinanceSettings;
import dev.coachos.finance.money.Money;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * What teacher pay takes from enrollment-service: each batch's money terms and who held it when
 * ({@code BatchCreated}, {@code BatchUpdated}), the days each enrollment was ACTIVE in a batch
 * ({@code EnrollmentCreated}, {@code EnrollmentStatusChanged}, {@code EnrollmentTransferred}) and
 * the sessions held ({@code AttendanceMarked}).
 *
 * <p>It is a consumer group of its own ({@value #GROUP}): the group {@code finance-service} had read
 * the topic before these tables existed and skipped what is kept here, so this group starts from the
 * topic's beginning and replays it. Each event is applied once (inbox, consumer {@value #CONSUMER}).
 *
 * <p>Events of one batch arrive in order, and so do events of one enrollment, but an enrollment or an
 * attendance may come before its batch. Neither needs the batch to be stored (a seat period or a
 * session names its batch; what falls before the batch's start is not counted, since pay only counts
 * days the batch ran), so they are applied at once and count as soon as the batch is known; holding
 * them back would stall their partition behind a batch that may never come.
 */
@Component
class BatchPayReadModel {

    static final String GROUP = "finance-service.payroll";
    static final String CONSUMER = "finance.payroll.enrollments";

    private static final Logger log = LoggerFactory.getLogger(BatchPayReadModel.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;
    private final FinanceSettings settings;

    BatchPayReadModel(Inbox inbox, JdbcTemplate jdbc, FinanceSettings settings) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = GROUP)
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "BatchCreated" -> {
                BatchCreated batch = event.payloadAs(BatchCreated.class, 1);
                LocalDate day = changeDay(event);
                yield () -> batchCreated(batch, day);
            }
            case "BatchUpdated" -> {
                BatchUpdated batch = event.payloadAs(BatchUpdated.class, 1);
                LocalDate day = changeDay(event);
                yield () -> batchUpdated(batch, day);
            }
            case "EnrollmentCreated" -> {
                EnrollmentCreated enrolled = event.payloadAs(EnrollmentCreated.class, 1);
                yield () -> enrolled(enrolled);
            }
            case "EnrollmentStatusChanged" -> {
                StatusChanged changed = event.payloadAs(StatusChanged.class, 1);
                LocalDate day = changeDay(event);
                yield () -> statusChanged(changed, day);
            }
            case "EnrollmentTransferred" -> {
                Transferred moved = event.payloadAs(Transferred.class, 1);
                LocalDate day = changeDay(event);
                yield () -> transferred(moved, day);
            }
            case "AttendanceMarked" -> {
                AttendanceMarked marked = event.payloadAs(AttendanceMarked.class, 1);
                yield () -> attendance(marked);
            }
            // BatchFeeChanged changes what students pay, not what the teacher is paid: nothing here.
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to teacher pay", event.type(), event.eventId());
        }
    }

    private LocalDate changeDay(IncomingEvent event) {
        if (event.occurredAt() == null) {
            throw new IncomingEvent.MalformedEvent(event.type() + " without occurredAt: its day is unknown");
        }
        return PayDays.dayOf(event.occurredAt(), settings.zone());
    }

    private void batchCreated(BatchCreated b, LocalDate day) {
        if (b.name() == null) {
            throw new IncomingEvent.MalformedEvent("BatchCreated without a name");
        }
        UUID id = IncomingEvent.uuid(b.batchId(), "batchId");
        LocalDate start = IncomingEvent.optionalDate(b.startDate(), "startDate");
        jdbc.update("""
                insert into batch_pay (batch_id, course_id, branch_id, name, start_date, end_date,
                    teacher_compensation, teacher_commission, monthly_overhead, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (batch_id) do nothing""",
                id, IncomingEvent.uuid(b.courseId(), "courseId"), IncomingEvent.optionalUuid(b.branchId(), "branchId"), b.name(), start,
                IncomingEvent.optionalDate(b.endDate(), "endDate"), amount(b.teacherCompensation(), "teacherCompensation"),
                amount(b.teacherCommission(), "teacherCommission"), amount(b.monthlyOverheadCost(), "monthlyOverheadCost"),
                now());
        UUID teacher = IncomingEvent.optionalUuid(b.teacherId(), "teacherId");
        if (teacher != null) {
            open(id, teacher, start != null ? start : day);
        }
    }

    private void batchUpdated(BatchUpdated b, LocalDate day) {
        UUID id = IncomingEvent.uuid(b.batchId(), "batchId");
        String status = b.status() == null ? null : b.status().strip();
        if (status != null && !List.of("OPEN", "CLOSED", "CANCELLED").contains(status)) {
            throw new IncomingEvent.MalformedEvent("BatchUpdated with status " + status);
        }
        List<LocalDate> starts = jdbc.queryForList("select start_date from batch_pay where batch_id = ? for update",
                LocalDate.class, id);
        if (starts.isEmpty()) {
            // Events of one batch share a key: its BatchCreated comes first, unless it is still being retried.
            throw new IncomingEvent.NotYetApplicable("batch " + id + " is not known yet");
        }
        LocalDate start = starts.get(0);
        jdbc.update("""
                update batch_pay set name = coalesce(?, name), end_date = ?, status = coalesce(?, status), updated_at = ?
                where batch_id = ?""", b.name(), IncomingEvent.optionalDate(b.endDate(), "endDate"), status, now(), id);
        // A cancelled batch is held by no one from the day it was cancelled.
        UUID teacher = "CANCELLED".equals(status) ? null : IncomingEvent.optionalUuid(b.teacherId(), "teacherId");
        Optional<Period> current = jdbc.query("""
                select teacher_id, from_date from batch_teacher where batch_id = ? and to_date is null""",
                (rs, n) -> new Period(rs.getObject("teacher_id", UUID.class), rs.getObject("from_date", LocalDate.class)),
                id).stream().findFirst();
        if (current.isPresent() && current.get().teacherId().equals(teacher)) {
            return;
        }
        LocalDate from = PayDays.startOn(day, start);
        current.ifPresent(p -> close("batch_teacher", "batch_id = ? and from_date = ?", p.from(), from, id, p.from()));
        if (teacher != null) {
            open(id, teacher, from);
        }
    }

    /** Opens a teacher's period from {@code from}; a period already starting that day is taken over. */
    private void open(UUID batch, UUID teacher, LocalDate from) {
        jdbc.update("""
                insert into batch_teacher (batch_id, teacher_id, from_date) values (?, ?, ?)
                on conflict (batch_id, from_date) do update set teacher_id = excluded.teacher_id, to_date = null""",
                batch, teacher, from);
    }

    private void enrolled(EnrollmentCreated e) {
        UUID enrollment = IncomingEvent.uuid(e.enrollmentId(), "enrollmentId");
        UUID batch = IncomingEvent.uuid(e.batchId(), "batchId");
        Instant enrolledAt;
        try {
            enrolledAt = Instant.parse(e.enrolledAt());
        } catch (RuntimeException ex) {
            throw new IncomingEvent.MalformedEvent("EnrollmentCreated without a valid enrolledAt");
        }
        openSeat(enrollment, batch, IncomingEvent.uuid(e.studentId(), "studentId"),
                PayDays.dayOf(enrolledAt, settings.zone()));
    }

    private void statusChanged(StatusChanged c, LocalDate day) {
        UUID enrollment = IncomingEvent.uuid(c.enrollmentId(), "enrollmentId");
        UUID batch = IncomingEvent.uuid(c.batchId(), "batchId");
        if (c.status() == null) {
            throw new IncomingEvent.MalformedEvent("EnrollmentStatusChanged without a status");
        }
        if ("ACTIVE".equals(c.status())) {
            openSeat(enrollment, batch, IncomingEvent.uuid(c.studentId(), "studentId"), day);
        } else {
            closeSeat(enrollment, batch, day);
        }
    }

    private void transferred(Transferred t, LocalDate day) {
        UUID enrollment = IncomingEvent.uuid(t.enrollmentId(), "enrollmentId");
        closeSeat(enrollment, IncomingEvent.uuid(t.fromBatchId(), "fromBatchId"), day);
        openSeat(enrollment, IncomingEvent.uuid(t.toBatchId(), "toBatchId"), IncomingEvent.uuid(t.studentId(), "studentId"),
                day);
    }

    /**
     * Opens an ACTIVE period of the enrollment in the batch from {@code day} (or the batch's start when
     * later and known), unless one is open already.
     */
    private void openSeat(UUID enrollment, UUID batch, UUID student, LocalDate day) {
        Integer open = jdbc.queryForObject("""
                select count(*) from seat_period where enrollment_id = ? and batch_id = ? and to_date is null""",
                Integer.class, enrollment, batch);
        if (open != null && open > 0) {
            return;
        }
        LocalDate start = jdbc.queryForList("select start_date from batch_pay where batch_id = ?", LocalDate.class, batch)
                .stream().filter(d -> d != null).findFirst().orElse(null);
        jdbc.update("""
                insert into seat_period (enrollment_id, batch_id, student_id, from_date) values (?, ?, ?, ?)
                on conflict (enrollment_id, batch_id, from_date) do update set to_date = null""",
                enrollment, batch, student, PayDays.startOn(day, start));
    }

    /** Ends the enrollment's open period in the batch the day before {@code day}. */
    private void closeSeat(UUID enrollment, UUID batch, LocalDate day) {
        jdbc.query("""
                select from_date from seat_period where enrollment_id = ? and batch_id = ? and to_date is null""",
                (rs, n) -> rs.getObject(1, LocalDate.class), enrollment, batch)
                .forEach(from -> close("seat_period", "enrollment_id = ? and batch_id = ? and from_date = ?", from, day,
                        enrollment, batch, from));
    }

    /**
     * Ends an open period the day before {@code changeDay}; a period that never held a day (ended on
     * or before its first day) is removed, since it counts nothing.
     */
    private void close(String table, String key, LocalDate from, LocalDate changeDay, Object... keyValues) {
        Optional<LocalDate> last = PayDays.lastDayBefore(from, changeDay);
        if (last.isPresent()) {
            Object[] args = new Object[keyValues.length + 1];
            args[0] = last.get();
            System.arraycopy(keyValues, 0, args, 1, keyValues.length);
            jdbc.update("update " + table + " set to_date = ? where " + key, args);
        } else {
            jdbc.update("delete from " + table + " where " + key, keyValues);
        }
    }

    private void attendance(AttendanceMarked a) {
        UUID batch = IncomingEvent.uuid(a.batchId(), "batchId");
        LocalDate day = IncomingEvent.optionalDate(a.date(), "date");
        if (day == null) {
            throw new IncomingEvent.MalformedEvent("AttendanceMarked without a date");
        }
        int students = a.records() == null ? 0 : a.records().size();
        // A re-mark is the same session: only the number of students marked may change.
        jdbc.update("""
                insert into batch_session (batch_id, session_date, marked_by, students) values (?, ?, ?, ?)
                on conflict (batch_id, session_date) do update set students = excluded.students""",
                batch, day, IncomingEvent.uuid(a.markedBy(), "markedBy"), students);
    }

    private static BigDecimal amount(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Money.requireNonNegative(Money.parse(text, field), field);
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.MalformedEvent("BatchCreated: " + e.getMessage());
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private record Period(UUID teacherId, LocalDate from) {
    }

    record BatchCreated(String batchId, String courseId, String name, String startDate, String endDate,
            String teacherId, String branchId, String teacherCompensation, String teacherCommission,
            String monthlyOverheadCost) {
    }

    record BatchUpdated(String batchId, String name, String endDate, String teacherId, String status) {
    }

    record EnrollmentCreated(String enrollmentId, String studentId, String batchId, String enrolledAt) {
    }

    record StatusChanged(String enrollmentId, String studentId, String batchId, String status) {
    }

    record Transferred(String enrollmentId, String studentId, String fromBatchId, String toBatchId) {
    }

    record AttendanceMarked(String batchId, String date, String markedBy, List<Mark> records) {
    }

    record Mark(String studentId, String status) {
    }
}
