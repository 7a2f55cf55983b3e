package dev.coachos.enrollment.attendance;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.UuidV7;

/**
 * EXCUSED attendance for a student's approved leave: one record (no lesson) for each session of
 * each batch they are actively enrolled in, on the days of the leave the batch's weekly schedule
 * has, within the batch's dates. A session that already has attendance for the student keeps it.
 * Each record carries the leave's id, so cancelling the leave removes exactly those records that
 * nobody has marked since.
 */
@Service
public class LeaveExcusals {

    /** The longest leave applied, so a mistyped year cannot make thousands of records. */
    public static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;

    LeaveExcusals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the leave's EXCUSED sessions and returns how many it recorded. Joins the caller's
     * transaction (the listener records the event there too).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int excuse(UUID leaveId, UUID student, LocalDate from, LocalDate to, HalfDay halfDay, UUID decidedBy,
            Instant decidedAt) {
        List<Session> sessions = jdbc.sql("""
                select e.batch_id, s.day_of_week, s.start_minute, b.start_date, b.end_date
                from enrollment e join batch b on b.id = e.batch_id join batch_slot s on s.batch_id = b.id
                where e.student_id = ? and e.status = 'ACTIVE'
                order by e.batch_id, s.day_of_week""")
                .param(student)
                .query((rs, n) -> new Session(rs.getObject("batch_id", UUID.class),
                        DayOfWeek.of(rs.getInt("day_of_week")), rs.getInt("start_minute"),
                        rs.getDate("start_date").toLocalDate(),
                        rs.getDate("end_date") == null ? null : rs.getDate("end_date").toLocalDate()))
                .list();
        int recorded = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Session session : sessions) {
                if (session.on(day) && (halfDay == null || halfDay.includes(session.startMinute()))) {
                    recorded += jdbc.sql("""
                            insert into attendance (id, batch_id, student_id, lesson_id, date, status, notes, marked_by,
                                                    marked_at, leave_id)
                            select ?, ?, ?, null, ?, 'EXCUSED', 'On approved leave', ?, ?, ?
                            where not exists (select 1 from attendance
                                              where batch_id = ? and student_id = ? and date = ?)
                            on conflict on constraint attendance_once_per_batch_lesson_day do nothing""")
                            .params(UuidV7.next(), session.batch(), student, day, decidedBy,
                                    Timestamp.from(decidedAt), leaveId, session.batch(), student, day)
                            .update();
                }
            }
        }
        return recorded;
    }

    /** Removes the EXCUSED records the leave made that nobody has marked since; returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdraw(UUID leaveId) {
        return jdbc.sql("delete from attendance where leave_id = ? and status = 'EXCUSED'").param(leaveId).update();
    }

    /**
     * Which half of the day a half-day leave covers: AM the sessions that start before 13:00, PM
     * those that start at 13:00 or later.
     */
    public enum HalfDay {
        AM, PM;

        static final int AFTERNOON = 13 * 60;

        boolean includes(int startMinute) {
            return this == AM ? startMinute < AFTERNOON : startMinute >= AFTERNOON;
        }
    }

    private record Session(UUID batch, DayOfWeek day, int startMinute, LocalDate batchStart, LocalDate batchEnd) {

        boolean on(LocalDate date) {
            return date.getDayOfWeek() == day && !date.isBefore(batchStart)
                    && (batchEnd == null || !date.isAfter(batchEnd));
        }
    }
}
