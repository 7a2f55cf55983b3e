package dev.coachos.course.support;

import java.util.UUID;

import dev.coachos.platform.security.Caller;

/**
 * Which students may study a course: decided by enrollment ({@link EnrolledStudents}, fed by
 * enrollment-service's events).
 */
public interface StudentAccess {

    /** Whether the caller may study the course's lessons and submit its assignments. */
    boolean mayStudy(Caller caller, UUID courseId);
}
