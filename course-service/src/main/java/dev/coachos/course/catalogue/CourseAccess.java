package dev.coachos.course.catalogue;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.coachos.course.enrollment.EnrolledStudents;
import dev.coachos.platform.security.Caller;

/**
 * Who may do what with a course, in one place:
 * <ul>
 * <li>the catalogue and official curricula: holders of {@code manage:courses};</li>
 * <li>reviewing teachers' versions: holders of {@code manage:curricula};</li>
 * <li>teaching (drafting a version, setting and grading assignments): holders of
 * {@code create:curricula} who are assigned to the course ({@link Teachers});</li>
 * <li>studying: whoever {@link EnrolledStudents} lets in.</li>
 * </ul>
 */
@Component
public class CourseAccess {

    private final Teachers teachers;
    private final EnrolledStudents students;

    CourseAccess(Teachers teachers, EnrolledStudents students) {
        this.teachers = teachers;
        this.students = students;
    }

    public static boolean manages(Caller caller) {
        return caller.can("manage:courses");
    }

    public static boolean reviews(Caller caller) {
        return caller.can("manage:curricula");
    }

    /** Whether the caller is a teacher assigned to the course. */
    public boolean teaches(Caller caller, UUID courseId) {
        return teachers.teaches(caller, courseId);
    }

    /** Whether the caller may read the course's published curricula (official or approved versions). */
    public boolean mayStudy(Caller caller, UUID courseId) {
        return manages(caller) || reviews(caller) || teaches(caller, courseId) || students.mayStudy(caller, courseId);
    }
}
