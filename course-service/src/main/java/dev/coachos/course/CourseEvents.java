package dev.coachos.course;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.course.AssignmentSubmitted;
import dev.coachos.events.course.CourseCreated;
import dev.coachos.events.course.CourseTeacherAssigned;
import dev.coachos.events.course.CourseTeacherUnassigned;
import dev.coachos.events.course.CourseUpdated;
import dev.coachos.events.course.CurriculumApproved;
import dev.coachos.events.course.CurriculumRejected;
import dev.coachos.events.course.CurriculumSubmitted;
import dev.coachos.events.course.LessonsChanged;
import dev.coachos.events.course.SubmissionGraded;
import dev.coachos.messaging.outbox.Outbox;

/**
 * The events course-service publishes, one method per event, and the only caller of the outbox.
 * Each method stores its event in the transaction of the change it reports, so an event is
 * published if and only if that change commits. Ids travel as strings and money as decimal
 * strings, as the contracts in {@code dev.coachos.events.course} say.
 */
@Component
public class CourseEvents {

    private final Outbox outbox;

    CourseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A course joined the catalogue (its price as stored, so with two decimals). */
    public void courseCreated(UUID courseId, String title, String slug, BigDecimal price, String level, boolean active) {
        publish(new CourseCreated(courseId.toString(), title, slug, price.toPlainString(), level, active));
    }

    /** A course's title, slug, price, level or active flag changed; {@code revision} counts those changes. */
    public void courseUpdated(UUID courseId, String title, String slug, BigDecimal price, String level, boolean active,
            long revision) {
        publish(new CourseUpdated(courseId.toString(), title, slug, price.toPlainString(), level, active, revision));
    }

    /** A teacher sent their version of a course's curriculum for review. */
    public void curriculumSubmitted(UUID curriculumId, UUID courseId, String courseTitle, UUID teacherId,
            String versionName) {
        publish(new CurriculumSubmitted(curriculumId.toString(), courseId.toString(), courseTitle, teacherId.toString(),
                versionName));
    }

    /** A reviewer approved a teacher's version. */
    public void curriculumApproved(UUID curriculumId, UUID courseId, String courseTitle, UUID teacherId, UUID reviewerId) {
        publish(new CurriculumApproved(curriculumId.toString(), courseId.toString(), courseTitle, teacherId.toString(),
                reviewerId.toString()));
    }

    /** A reviewer sent a teacher's version back, saying why. */
    public void curriculumRejected(UUID curriculumId, UUID courseId, String courseTitle, UUID teacherId, UUID reviewerId,
            String reason) {
        publish(new CurriculumRejected(curriculumId.toString(), courseId.toString(), courseTitle, teacherId.toString(),
                reviewerId.toString(), reason));
    }

    /**
     * The whole ordered, weighted lesson list of a published curriculum, at a new revision;
     * {@code teacherId} is null for the official curriculum.
     */
    public void lessonsChanged(UUID curriculumId, UUID courseId, UUID teacherId, long revision,
            List<LessonsChanged.LessonEntry> lessons) {
        publish(new LessonsChanged(curriculumId.toString(), courseId.toString(),
                teacherId == null ? null : teacherId.toString(), revision, lessons));
    }

    /** A student handed in (or, with {@code resubmission}, replaced) their work. */
    public void assignmentSubmitted(UUID submissionId, UUID assignmentId, UUID courseId, UUID studentId,
            boolean resubmission) {
        publish(new AssignmentSubmitted(submissionId.toString(), assignmentId.toString(), courseId.toString(),
                studentId.toString(), resubmission));
    }

    /** A grader gave a submission its points. */
    public void submissionGraded(UUID submissionId, UUID assignmentId, String assignmentTitle, UUID courseId,
            UUID studentId, int points, int maxPoints, UUID graderId) {
        publish(new SubmissionGraded(submissionId.toString(), assignmentId.toString(), assignmentTitle,
                courseId.toString(), studentId.toString(), points, maxPoints, graderId.toString()));
    }

    /** A holder of {@code manage:courses} assigned a teacher to a course. */
    public void courseTeacherAssigned(UUID courseId, UUID teacherId, UUID assignedBy) {
        publish(new CourseTeacherAssigned(courseId.toString(), teacherId.toString(), assignedBy.toString()));
    }

    /** A holder of {@code manage:courses} removed a teacher from a course. */
    public void courseTeacherUnassigned(UUID courseId, UUID teacherId, UUID unassignedBy) {
        publish(new CourseTeacherUnassigned(courseId.toString(), teacherId.toString(), unassignedBy.toString()));
    }

    private void publish(DomainEvent event) {
        outbox.publish(Topics.COURSE, dev.coachos.events.course.CourseEvents.typeOf(event),
                dev.coachos.events.course.CourseEvents.SCHEMA_VERSION, event);
    }
}
