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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.Batches;
import dev.coachos.enrollment.support.Dates;
import dev.coachos.enrollment.support.EnrollmentEventPublisher;
import dev.coachos.enrollment.support.InstituteClock;
import dev.coachos.enrollment.support.Scope;
import dev.coachos.events.enrollment.AttendanceMarked;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Attendance: a whole session of a batch marked in one request by its teacher (or branch staff
 * with {@code manage:attendance}); one record per student per lesson per day, re-marking
 * replaces it. Summaries per student and per batch over a date range.
 */
@RestController
class AttendanceController {

    private final JdbcClient jdbc;
    private final Batches batches;
    private final EnrollmentEventPublisher events;
    private final InstituteClock clock;

    AttendanceController(JdbcClient jdbc, Batches batches, EnrollmentEventPublisher events, InstituteClock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping("/api/v1/attendance")
    @PreAuthorize("@permissions.allow('manage:attendance')")
    @Transactional
    Session mark(@Valid @RequestBody Marking marking) {
        Caller caller = Caller.current();
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
            Record record = marking.records().get(i);
            if (!enrolled.contains(record.studentId())) {
                throw Problems.invalidField("records[" + i + "].studentId", "student " + record.studentId()
                        + " is not enrolled in this batch");
            }
            if (!seen.add(record.studentId())) {
                throw Problems.invalidField("records[" + i + "].studentId", "student " + record.studentId()
                        + " is listed twice");
            }
            students.add(record.studentId());
            statuses.add(record.status().name());
            notes.add(record.notes());
        }
        UUID[] ids = students.stream().map(s -> UuidV7.next()).toArray(UUID[]::new);
        jdbc.sql("""
                insert into attendance (id, batch_id, student_id, lesson_id, date, status, notes, marked_by, marked_at)
                select r.id, ?, r.student_id, ?, ?, r.status, r.notes, ?, now()
                from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[]) as r(id, student_id, status, notes)
                on conflict on constraint attendance_once_per_batch_lesson_day do update
                set status = excluded.status, notes = excluded.notes, marked_by = excluded.marked_by,
                    marked_at = excluded.marked_at""")
                .params(batch.id(), marking.lessonId(), marking.date(), caller.userId(), ids,
                        students.toArray(UUID[]::new), statuses.toArray(String[]::new), notes.toArray(String[]::new))
                .update();
        events.publish(new AttendanceMarked(batch.id().toString(), marking.date().toString(),
                marking.lessonId() == null ? null : marking.lessonId().toString(), caller.userId().toString(),
                marking.records().stream().map(r -> new AttendanceMarked.Mark(r.studentId().toString(), r.status().name()))
                        .toList()));
        return session(batch.id(), marking.date(), marking.lessonId());
    }

    /** One session's records: for the batch's teacher and staff in reach. */
    @GetMapping("/api/v1/attendance")
    @PreAuthorize("@permissions.allow('manage:attendance') or @permissions.allow('read:attendance')")
    @Transactional(readOnly = true)
    Session read(@RequestParam UUID batchId, @RequestParam LocalDate date, @RequestParam(required = false) UUID lessonId) {
        Caller caller = Caller.current();
        batches.find(batchId).filter(b -> Scope.of(caller, "read:attendance").reachesBatch(b.branchId(), b.teacherId()))
                .orElseThrow(() -> Problems.notFound("batch", batchId));
        return session(batchId, date, lessonId);
    }

    @GetMapping("/api/v1/attendance/students/{studentId}/summary")
    @PreAuthorize("@permissions.allow('read:courses') or @permissions.allow('read:attendance')")
    @Transactional(readOnly = true)
    Summary student(@PathVariable UUID studentId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        Caller caller = Caller.current();
        Scope scope = Scope.of(caller, "read:attendance");
        boolean allowed = switch (scope.kind()) {
            case OWN -> caller.is(studentId);
            case ALL -> true;
            case BRANCH -> jdbc.sql("select exists (select 1 from enrollment where student_id = ? and branch_id = ?)")
                    .params(studentId, scope.branchId() == null ? new UUID(0, 0) : scope.branchId())
                    .query(Boolean.class).single();
            case TEACHING -> jdbc.sql("""
                    select exists (select 1 from enrollment e join batch b on b.id = e.batch_id
                                   where e.student_id = ? and b.teacher_id = ?)""")
                    .params(studentId, caller.userId()).query(Boolean.class).single();
        };
        if (!allowed) {
            throw Problems.notFound("student", studentId);
        }
        String visibleBatches = scope.kind() == Scope.Kind.TEACHING ? " and a.batch_id in (select id from batch where teacher_id = :me)"
                : scope.kind() == Scope.Kind.BRANCH ? " and a.batch_id in (select id from batch where branch_id = :branch)" : "";
        Map<String, Object> params = range(from, to);
        params.put("student", studentId);
        params.put("me", caller.userId());
        params.put("branch", scope.branchId() == null ? new UUID(0, 0) : scope.branchId());
        return summary(jdbc.sql("select a.status, count(*) as n from attendance a where a.student_id = :student"
                + " and a.date between :from and :to" + visibleBatches + " group by a.status")
                .params(params), params, null);
    }

    @GetMapping("/api/v1/attendance/batches/{batchId}/summary")
    @PreAuthorize("@permissions.allow('manage:attendance') or @permissions.allow('read:attendance')")
    @Transactional(readOnly = true)
    Summary batch(@PathVariable UUID batchId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        Caller caller = Caller.current();
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
        Summary total = summary(jdbc.sql("select a.status, count(*) as n from attendance a where a.batch_id = :batch"
                + " and a.date between :from and :to group by a.status").params(params), params, null);
        List<StudentSummary> students = perStudent.entrySet().stream()
                .map(e -> new StudentSummary(e.getKey(), Counts.of(e.getValue()))).toList();
        return new Summary(total.from(), total.to(), total.counts(), students);
    }

    private Session session(UUID batchId, LocalDate date, UUID lessonId) {
        List<Marked> records = jdbc.sql("""
                select student_id, status, notes, marked_by, marked_at from attendance
                where batch_id = ? and date = ? and lesson_id is not distinct from ? order by student_id""")
                .params(batchId, date, lessonId)
                .query((rs, n) -> new Marked(rs.getObject("student_id", UUID.class), Status.valueOf(rs.getString("status")),
                        rs.getString("notes"), rs.getObject("marked_by", UUID.class),
                        rs.getTimestamp("marked_at").toInstant()))
                .list();
        return new Session(batchId, date, lessonId, records);
    }

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

    private static Summary summary(JdbcClient.StatementSpec statement, Map<String, Object> params,
            List<StudentSummary> students) {
        Map<String, Long> counts = new LinkedHashMap<>();
        statement.query(rs -> {
            counts.put(rs.getString("status"), rs.getLong("n"));
        });
        return new Summary((LocalDate) params.get("from"), (LocalDate) params.get("to"), Counts.of(counts), students);
    }

    /** The statuses a student can be marked with. */
    enum Status {
        PRESENT, ABSENT, LATE, EXCUSED
    }

    record Marking(@NotNull UUID batchId, @NotNull LocalDate date, UUID lessonId,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull Record> records) {
    }

    record Record(@NotNull UUID studentId, @NotNull Status status, @Size(max = 500) String notes) {
    }

    record Marked(UUID studentId, Status status, String notes, UUID markedBy, java.time.Instant markedAt) {
    }

    record Session(UUID batchId, LocalDate date, UUID lessonId, List<Marked> records) {
    }

    /** Sessions per status and the attendance rate: present or late, out of all marked sessions. */
    record Counts(long present, long absent, long late, long excused, long total, double attendanceRate) {
        static Counts of(Map<String, Long> byStatus) {
            long present = byStatus.getOrDefault("PRESENT", 0L);
            long absent = byStatus.getOrDefault("ABSENT", 0L);
            long late = byStatus.getOrDefault("LATE", 0L);
            long excused = byStatus.getOrDefault("EXCUSED", 0L);
            long total = present + absent + late + excused;
            double rate = total == 0 ? 0 : Math.round((present + late) * 10000.0 / total) / 100.0;
            return new Counts(present, absent, late, excused, total, rate);
        }
    }

    record StudentSummary(UUID studentId, Counts counts) {
    }

    record Summary(LocalDate from, LocalDate to, Counts counts, List<StudentSummary> students) {
    }
}
