package dev.coachos.course.curriculum;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.course.CourseEvents;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * The review of teachers' versions: a teacher submits their version (it needs at least one
 * lesson), a holder of {@code manage:curricula} other than its teacher approves or rejects it, and
 * an approved version becomes the teacher's effective curriculum, its lessons published. Which
 * status may follow which is {@link Curriculum.Status#mayBecome}; a decision is a conditional
 * update, so two reviewers deciding at once cannot both win.
 */
@Service
public class Reviews {

    private final JdbcClient jdbc;
    private final Curricula curricula;
    private final CourseEvents events;

    Reviews(JdbcClient jdbc, Curricula curricula, CourseEvents events) {
        this.jdbc = jdbc;
        this.curricula = curricula;
        this.events = events;
    }

    /** The review queue: versions waiting for a decision, oldest first. */
    @Transactional(readOnly = true)
    public List<Curriculum> pending() {
        return jdbc.sql(Curriculum.SELECT + " where cu.status = 'PENDING_APPROVAL' order by cu.submitted_at limit 200")
                .query(Curriculum::read).list();
    }

    /** Sends the teacher's own version for review; publishes CurriculumSubmitted. */
    @Transactional
    public Curriculum submit(UUID id, Caller caller) {
        Curriculum c = curricula.lockForEdit(id, caller);
        if (c.official()) {
            throw Problems.conflict("The official curriculum needs no approval");
        }
        if (!c.status().mayBecome(Curriculum.Status.PENDING_APPROVAL)) {
            throw Problems.conflict("A version that is " + c.status() + " cannot be submitted");
        }
        boolean hasLessons = jdbc.sql("select exists (select 1 from lesson where curriculum_id = ?)").param(id)
                .query(Boolean.class).single();
        if (!hasLessons) {
            throw Problems.conflict("A version without lessons cannot be submitted");
        }
        jdbc.sql("""
                update curriculum set status = 'PENDING_APPROVAL', submitted_at = ?, rejection_reason = null, updated_at = ?
                where id = ?""")
                .params(Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), id).update();
        events.curriculumSubmitted(id, c.courseId(), c.courseTitle(), c.teacherId(), c.versionName());
        return curricula.find(id).orElseThrow();
    }

    /** Approves a submitted version; publishes CurriculumApproved and then its lessons. */
    @Transactional
    public Curriculum approve(UUID id, Caller caller) {
        Curriculum c = decide(id, Curriculum.Status.APPROVED, null, caller);
        events.curriculumApproved(id, c.courseId(), c.courseTitle(), c.teacherId(), caller.userId());
        curricula.publishLessons(id);
        return curricula.find(id).orElseThrow();
    }

    /** Sends a submitted version back to its teacher with the reason; publishes CurriculumRejected. */
    @Transactional
    public Curriculum reject(UUID id, Rejection rejection, Caller caller) {
        String reason = rejection.reason().strip();
        Curriculum c = decide(id, Curriculum.Status.REJECTED, reason, caller);
        events.curriculumRejected(id, c.courseId(), c.courseTitle(), c.teacherId(), caller.userId(), reason);
        return curricula.find(id).orElseThrow();
    }

    private Curriculum decide(UUID id, Curriculum.Status decision, String reason, Caller caller) {
        Curriculum c = curricula.find(id).orElseThrow(() -> Problems.notFound("curriculum", id));
        if (c.teacherId() != null && c.teacherId().equals(caller.userId())) {
            throw Problems.forbidden("Nobody reviews their own curriculum version");
        }
        Timestamp now = Timestamp.from(Instant.now());
        int changed = jdbc.sql("""
                update curriculum set status = ?, rejection_reason = ?, reviewed_at = ?, reviewed_by = ?, updated_at = ?
                where id = ? and status = any(?)""")
                .params(decision.name(), reason, now, caller.userId(), now, id, Curriculum.Status.allowedBefore(decision))
                .update();
        if (changed == 0) {
            throw Problems.conflict("Only a version waiting for approval can be approved or rejected; this one is "
                    + curricula.find(id).orElseThrow().status());
        }
        return c;
    }
}
