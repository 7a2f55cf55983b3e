package dev.coachos.course.assignment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.course.CourseEvents;
import dev.coachos.course.catalogue.CourseAccess;
import dev.coachos.course.catalogue.Html;
import dev.coachos.course.curriculum.Curricula;
import dev.coachos.course.curriculum.Curriculum;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Assignments and submissions. Set and graded by the curriculum's teacher (any assigned teacher
 * for the official curriculum) or a holder of {@code manage:courses}; submitted by students who
 * may study the course, as often as they like until the due date and until graded. A student
 * sees only their own submissions.
 */
@Service
public class Assignments {

    private static final Sorting MY_SUBMISSIONS = Sorting.of(java.util.Map.of("submittedAt", "s.submitted_at"),
            "s.submitted_at desc", "s.id");

    private final JdbcClient jdbc;
    private final Curricula curricula;
    private final CourseAccess access;
    private final CourseEvents events;

    Assignments(JdbcClient jdbc, Curricula curricula, CourseAccess access, CourseEvents events) {
        this.jdbc = jdbc;
        this.curricula = curricula;
        this.access = access;
        this.events = events;
    }

    /** Sets an assignment: the curriculum's graders only; the lesson, if named, must be of that curriculum. */
    @Transactional
    public Assignment create(NewAssignment request, Caller caller) {
        Curriculum c = curricula.find(request.curriculumId())
                .filter(found -> curricula.readable(found, caller))
                .orElseThrow(() -> Problems.invalidField("curriculumId", "no curriculum with id " + request.curriculumId()));
        requireGrader(c, caller);
        if (request.lessonId() != null && !jdbc.sql("select exists (select 1 from lesson where id = ? and curriculum_id = ?)")
                .params(request.lessonId(), c.id()).query(Boolean.class).single()) {
            throw Problems.invalidField("lessonId", "no lesson with id " + request.lessonId() + " in this curriculum");
        }
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into assignment (id, curriculum_id, lesson_id, title, instructions, due_at, max_points, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, c.id(), request.lessonId(), request.title().strip(), Html.clean(request.instructions()),
                        Timestamp.from(request.dueAt()), request.maxPoints(), caller.userId(), Timestamp.from(Instant.now()))
                .update();
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Assignment> ofCurriculum(UUID curriculumId, Caller caller) {
        curricula.find(curriculumId).filter(found -> curricula.readable(found, caller))
                .orElseThrow(() -> Problems.notFound("curriculum", curriculumId));
        return jdbc.sql(Assignment.SELECT + " where a.curriculum_id = ? order by a.due_at, a.id").param(curriculumId)
                .query(Assignment::read).list();
    }

    @Transactional(readOnly = true)
    public Assignment read(UUID id, Caller caller) {
        Assignment a = find(id).orElseThrow(() -> Problems.notFound("assignment", id));
        curricula.find(a.curriculumId()).filter(found -> curricula.readable(found, caller))
                .orElseThrow(() -> Problems.notFound("assignment", id));
        return a;
    }

    /** Submits or resubmits the calling student's work; refused after the due date or once graded. */
    @Transactional
    public Submission submit(UUID assignmentId, NewSubmission work, Caller caller) {
        if ((work.text() == null || work.text().isBlank()) && work.linkUrl() == null) {
            throw Problems.invalidField("text", "give text, a link (linkUrl) or both");
        }
        String text = work.text();
        String link = work.linkUrl();
        if (caller.studentProfileId().isEmpty()) {
            throw Problems.forbidden("Only students submit assignments");
        }
        // Reading the assignment already required reading its curriculum, which for a student means
        // being enrolled in the course (CourseAccess.mayStudy).
        Assignment a = read(assignmentId, caller);
        Instant now = Instant.now();
        if (now.isAfter(a.dueAt())) {
            throw Problems.conflict("The due date of this assignment (" + a.dueAt() + ") has passed");
        }
        Optional<Submission> earlier = jdbc.sql(Submission.SELECT + " where s.assignment_id = ? and s.student_id = ? for update of s")
                .params(assignmentId, caller.userId()).query(Submission::read).optional();
        UUID id;
        if (earlier.isPresent()) {
            if (earlier.get().status() == Submission.Status.GRADED) {
                throw Problems.conflict("This submission is graded and can no longer be replaced");
            }
            id = earlier.get().id();
            jdbc.sql("update submission set text_content = ?, link_url = ?, submitted_at = ?, attempts = attempts + 1 where id = ?")
                    .params(text, link, Timestamp.from(now), id).update();
        } else {
            id = UuidV7.next();
            int inserted = jdbc.sql("""
                    insert into submission (id, assignment_id, student_id, text_content, link_url, status, submitted_at)
                    values (?, ?, ?, ?, ?, 'SUBMITTED', ?) on conflict (assignment_id, student_id) do nothing""")
                    .params(id, assignmentId, caller.userId(), text, link, Timestamp.from(now)).update();
            if (inserted == 0) {
                throw Problems.conflict("Your submission was saved by a parallel request; reload and resubmit if needed");
            }
        }
        events.assignmentSubmitted(id, assignmentId, a.courseId(), caller.userId(), earlier.isPresent());
        return jdbc.sql(Submission.SELECT + " where s.id = ?").param(id).query(Submission::read).single();
    }

    /** All submissions for graders; a student gets only their own. */
    @Transactional(readOnly = true)
    public List<Submission> submissions(UUID assignmentId, Caller caller) {
        Assignment a = read(assignmentId, caller);
        Curriculum c = curricula.find(a.curriculumId()).orElseThrow();
        if (grades(c, caller)) {
            return jdbc.sql(Submission.SELECT + " where s.assignment_id = ? order by s.submitted_at").param(assignmentId)
                    .query(Submission::read).list();
        }
        return jdbc.sql(Submission.SELECT + " where s.assignment_id = ? and s.student_id = ?").params(assignmentId, caller.userId())
                .query(Submission::read).list();
    }

    @Transactional(readOnly = true)
    public PageResponse<Submission> mine(Caller caller, Paging paging) {
        long total = jdbc.sql("select count(*) from submission where student_id = ?").param(caller.userId())
                .query(Long.class).single();
        List<Submission> rows = jdbc.sql(Submission.SELECT + " where s.student_id = ?"
                + MY_SUBMISSIONS.orderBy(paging) + " limit ? offset ?")
                .params(caller.userId(), paging.size(), paging.offset()).query(Submission::read).list();
        return PageResponse.of(rows, paging.size(), paging.page(), total);
    }

    /** A submission for its student or a grader; anyone else gets 404. */
    @Transactional(readOnly = true)
    public Submission submission(UUID id, Caller caller) {
        Submission s = jdbc.sql(Submission.SELECT + " where s.id = ?").param(id).query(Submission::read).optional()
                .orElseThrow(() -> Problems.notFound("submission", id));
        if (caller.is(s.studentId()) || grades(curriculumOfAssignment(s.assignmentId()), caller)) {
            return s;
        }
        throw Problems.notFound("submission", id);
    }

    /**
     * Grades the submission's attempt the grader read; if the student resubmitted since, the
     * grade is refused (409) so that it is never given to work the grader has not seen.
     */
    @Transactional
    public Submission grade(UUID id, Grade grade, Caller caller) {
        int attempt = grade.attempt();
        int points = grade.points();
        String feedback = grade.feedback();
        Submission s = jdbc.sql(Submission.SELECT + " where s.id = ? for update of s").param(id).query(Submission::read)
                .optional().orElseThrow(() -> Problems.notFound("submission", id));
        Curriculum c = curriculumOfAssignment(s.assignmentId());
        if (!grades(c, caller)) {
            if (caller.is(s.studentId())) {
                throw Problems.forbidden("Students do not grade their own work");
            }
            throw Problems.notFound("submission", id);
        }
        if (attempt != s.attempts()) {
            throw Problems.conflict("The student resubmitted (attempt " + s.attempts() + "); read it and grade that attempt");
        }
        if (points > s.maxPoints()) {
            throw Problems.invalidField("points", "must not exceed the assignment's " + s.maxPoints() + " points");
        }
        jdbc.sql("update submission set status = 'GRADED', points = ?, feedback = ?, graded_by = ?, graded_at = ? where id = ?")
                .params(points, feedback, caller.userId(), Timestamp.from(Instant.now()), id).update();
        events.submissionGraded(id, s.assignmentId(), s.assignmentTitle(), c.courseId(), s.studentId(), points,
                s.maxPoints(), caller.userId());
        return jdbc.sql(Submission.SELECT + " where s.id = ?").param(id).query(Submission::read).single();
    }

    private Curriculum curriculumOfAssignment(UUID assignmentId) {
        UUID curriculum = jdbc.sql("select curriculum_id from assignment where id = ?").param(assignmentId)
                .query(UUID.class).single();
        return curricula.find(curriculum).orElseThrow();
    }

    private void requireGrader(Curriculum c, Caller caller) {
        if (!grades(c, caller)) {
            throw Problems.forbidden(c.official()
                    ? "Only teachers assigned to this course or holders of manage:courses set its assignments"
                    : "Only the teacher of this curriculum version or a holder of manage:courses sets its assignments");
        }
    }

    /** The curriculum's teacher (any assigned teacher for the official one) or a course manager. */
    private boolean grades(Curriculum c, Caller caller) {
        if (CourseAccess.manages(caller)) {
            return true;
        }
        if (!c.official() && !caller.is(c.teacherId())) {
            return false;
        }
        return access.teaches(caller, c.courseId());
    }

    private Optional<Assignment> find(UUID id) {
        return jdbc.sql(Assignment.SELECT + " where a.id = ?").param(id).query(Assignment::read).optional();
    }
}
