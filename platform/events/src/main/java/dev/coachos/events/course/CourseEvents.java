package dev.coachos.events.course;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/** course-service's events on {@link dev.coachos.events.Topics#COURSE}, by their type names. */
public final class CourseEvents {

    /** Type name to payload class; every type is at {@link #SCHEMA_VERSION}. */
    public static final Map<String, Class<? extends DomainEvent>> TYPES = Map.of(
            "CourseCreated", CourseCreated.class,
            "CourseUpdated", CourseUpdated.class,
            "CurriculumSubmitted", CurriculumSubmitted.class,
            "CurriculumApproved", CurriculumApproved.class,
            "CurriculumRejected", CurriculumRejected.class,
            "LessonsChanged", LessonsChanged.class,
            "AssignmentSubmitted", AssignmentSubmitted.class,
            "SubmissionGraded", SubmissionGraded.class,
            "CourseTeacherAssigned", CourseTeacherAssigned.class,
            "CourseTeacherUnassigned", CourseTeacherUnassigned.class);

    public static final int SCHEMA_VERSION = 1;

    private CourseEvents() {
    }

    /** The type name a payload travels under. */
    public static String typeOf(DomainEvent event) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().isInstance(event)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not a course event: " + event));
    }
}
