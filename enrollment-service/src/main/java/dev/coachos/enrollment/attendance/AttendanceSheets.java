package dev.coachos.enrollment.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.enrollment.EnrollmentEvents;
import dev.coachos.enrollment.InstituteClock;
import dev.coachos.enrollment.Scope;
import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.Batches;
import dev.coachos.events.enrollment.AttendanceMarked;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Dates;
import dev.coachos.platform.web.Problems;

/**
 * Attendance sheets: a whole session of a batch marked in one statement by its teacher (or branch
 * staff with {@code manage:attendance}); one record per student per batch, lesson and day, and
 * marking again replaces it. Summaries per student and per batch over a date range.
 */
@Service
public class AttendanceSheets {

    private static final UUID NO_BRANCH = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final Batches batches;
    private final EnrollmentEvents events;
    private final InstituteClock clock;

    AttendanceSheets(JdbcClient jdbc, Batches batches, EnrollmentEvents events, InstituteClock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AttendanceSession mark(MarkAttendance marking, Caller caller) {
        Batch batch = batches.find(marking.batchId())
                .filter(b -> Scope.of(caller, "manage:attendance").reachesBatch(b.branchId(), b.teacherId()))
                .orElseThrow(() -> Problems.notFound("batch", marking.batchId()));
        Dates.requireSane("date", marking.date());
        if (marking.date().isAfter(clock.today())) {
            throw Problems.invalidField("date", "attendance is marked on or after the session, not before");
        }
        if (marking.date().isBefore(batch.startDate())) {
            throw Problems.invalidField("date", "the batch starts on " + batch.startDate());
        }
        if (marking.lessonId() != null && !jdbc.sql("""
                select exists (select 1 from curriculum_lesson cl join curriculum_view cv on cv.curriculum_id = cl.curriculum_id
                               where cv.course_id = ? and cl.lesson_id = ?)""")
                .params(batch.courseId(), marking.lessonId()).query(Boolean.class).single()) {
            throw Problems.invalidField("lessonId", "lesson " + marking.lessonId() + " is not a lesson of this batch's course");
        }
        Set<UUID> enrolled = new HashSet<>(jdbc.sql(
                "select student_id from enrollment where batch_id = ? and status in ('ACTIVE', 'ON_HOLD')")
                .param(batch.id()).query(UUID.class).list());
        Set<UUID> seen = new HashSet<>();
        List<UUID> students = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < marking.records().size(); i++) {
            MarkAttendance.Mark mark = marking.records().get(i);
            if (!enrolled.contains(mark.studentId())) {
                throw Problems.invalidField("records[" + i + "].studentId", "student " + mark.studentId()
                        + " is not enrolled in this batch");
            }
            if (!seen.add(mark.studentId())) {
                throw Problems.invalidField("records[" + i + "].studentId", "student " + mark.studentId()
                        + " is listed twice");
            }
            students.add(mark.studentId());
            statuses.add(mark.status().name());
            notes.add(mark.notes());
        }
        UUID[] ids = students.stream().map(s -> UuidV7.next()).toArray(UUID[]::new);
        jdbc.sql("""
                insert into attendance (id, batch_id, student_id, lesson_id, date, status, notes, marked_by, marked_at)
                select r.id, ?, r.student_id, ?, ?, r.status, r.notes, ?, now()
                from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[]) as r(id, student_id, status, notes)
                on conflict on constraint attendance_once_per_batch_lesson_day do update
                set status = excluded.status, notes = excluded.notes, marked_by = excluded.marked_by,
                    marked_at = excluded.marked_at, leave_id = null""")
                .params(batch.id(), marking.lessonId(), marking.date(), caller.userId(), ids,
                        students.toArray(UUID[]::new), statuses.toArray(String[]::new), notes.toArray(String[]::new))
                .update();
        events.attendanceMarked(new AttendanceMarked(batch.id().toString(), marking.date().toString(),
                marking.lessonId() == null ? null : marking.lessonId().toString(), caller.userId().toString(),
                marking.records().stream().map(r -> new AttendanceMarked.Mark(r.studentId().toString(), r.status().name()))
                        .toList()));
        return session(batch.id(), marking.date(), marking.lessonId());
    }

    /** One session's records: for the batch's teacher and staff in reach. */
    @Transactional(readOnly = true)
    public AttendanceSession read(UUID batchId, LocalDate date, UUID lessonId, Caller caller) {
        batches.find(batchId).filter(b -> Scope.of(caller, "read:attendance").reachesBatch(b.branchId(), b.teacherId()))
                .orElseThrow(() -> Problems.notFound("batch", batchId));
        return session(batchId, date, lessonId);
    }

    /** A student's sessions in the batches the caller sees: the student themself, their teachers, staff in reach. */
    @Transactional(readOnly = true)
    public AttendanceSummary ofStudent(UUID studentId, LocalDate from, LocalDate to, Caller caller) {
        Scope scope = Scope.of(caller, "read:attendance");
        boolean allowed = switch (scope.kind()) {
            case OWN -> caller.is(studentId);
            case ALL -> true;
            case BRANCH -> jdbc.sql("select exists (select 1 from enrollment where student_id = ? and branch_id = ?)")
                    .params(studentId, scope.branchId() == null ? NO_BRANCH : scope.branchId())
                    .query(Boolean.class).single();
            case TEACHING -> jdbc.sql("""
                    select exists (select 1 from enrollment e join batch b on b.id = e.batch_id
                                   where e.student_id = ? and b.teacher_id = ?)""")
                    .params(studentId, caller.userId()).query(Boolean.class).single();
        };
        if (!allowed) {
            throw Problems.notFound("student", studentId);
        }
        String visibleBatches = switch (scope.kind()) {
            case TEACHING -> " and a.batch_id in (select id from batch where teacher_id = :me)";
            case BRANCH -> " and a.batch_id in (select id from batch where branch_id = :branch)";
            default -> "";
        };
        Map<String, Object> params = range(from, to);
        params.put("student", studentId);
        params.put("me", caller.userId());
        params.put("branch", scope.branchId() == null ? NO_BRANCH : scope.branchId());
        return new AttendanceSummary((LocalDate) params.get("from"), (LocalDate) params.get("to"),
                counts("select a.status, count(*) as n from attendance a where a.student_id = :student"
                        + " and a.date between :from and :to" + visibleBatches + " group by a.status", params), null);
    }

    /** A batch's sessions, in total and per student: for its teacher and staff in reach. */
    @Transactional(readOnly = true)
    public AttendanceSummary ofBatch(UUID batchId, LocalDate from, LocalDate to, Caller caller) {
        batches.find(batchId).filter(b -> Scope.of(caller, "read:attendance").reachesBatch(b.branchId(), b.teacherId()))
                .orElseThrow(() -> Problems.notFound("batch", batchId));
        Map<String, Object> params = range(from, to);
        params.put("batch", batchId);
        Map<UUID, Map<String, Long>> perStudent = new LinkedHashMap<>();
        jdbc.sql("""
                select a.student_id, a.status, count(*) as n from attendance a
                where a.batch_id = :batch and a.date between :from and :to group by a.student_id, a.status
                order by a.student_id""").params(params)
                .query(rs -> {
                    perStudent.computeIfAbsent(rs.getObject("student_id", UUID.class), k -> new LinkedHashMap<>())
                            .put(rs.getString("status"), rs.getLong("n"));
                });
        AttendanceSummary.Counts total = counts("select a.status, count(*) as n from attendance a where a.batch_id = :batch"
                + " and a.date between :from and :to group by a.status", params);
        List<AttendanceSummary.StudentCounts> students = perStudent.entrySet().stream()
                .map(e -> new AttendanceSummary.StudentCounts(e.getKey(), AttendanceSummary.Counts.of(e.getValue())))
                .toList();
        return new AttendanceSummary((LocalDate) params.get("from"), (LocalDate) params.get("to"), total, students);
    }

    private AttendanceSession session(UUID batchId, LocalDate date, UUID lessonId) {
        List<AttendanceSession.Marked> records = jdbc.sql("""
                select student_id, status, notes, marked_by, marked_at from attendance
                where batch_id = ? and date = ? and lesson_id is not distinct from ? order by student_id""")
                .params(batchId, date, lessonId)
                .query((rs, n) -> new AttendanceSession.Marked(rs.getObject("student_id", UUID.class),
                        AttendanceSession.Status.valueOf(rs.getString("status")), rs.getString("notes"),
                        rs.getObject("marked_by", UUID.class), rs.getTimestamp("marked_at").toInstant()))
                .list();
        return new AttendanceSession(batchId, date, lessonId, records);
    }

    /** The date range asked for: the last 30 days up to today when not given. */
    private Map<String, Object> range(LocalDate from, LocalDate to) {
        Dates.requireSane("from", from);
        Dates.requireSane("to", to);
        LocalDate end = to != null ? to : clock.today();
        LocalDate start = from != null ? from : end.minusDays(30);
        if (start.isAfter(end)) {
            throw Problems.invalidField("from", "must not be after to");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", start);
        params.put("to", end);
        return params;
    }

    private AttendanceSummary.Counts counts(String sql, Map<String, Object> params) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            byStatus.put(rs.getString("status"), rs.getLong("n"));
        });
        return AttendanceSummary.Counts.of(byStatus);
    }
}
