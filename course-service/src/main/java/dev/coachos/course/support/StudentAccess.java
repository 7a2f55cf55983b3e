package dev.coachos.course.support;

import java.util.UUID;

import dev.coachos.platform.security.Caller;

/**
 * The seam where enrollment will decide which students may study a course. Until
 * enrollment-service exists, the one implementation ({@link AnyStudentMayStudy}) lets every
 * holder of {@code read:courses} read every course's curriculum and submit its assignments.
 * enrollment-service's events will feed a local table of (student, course) pairs, and an
 * implementation reading it replaces this one: no caller changes.
 */
public interface StudentAccess {

    /** Whether the caller may study the course's lessons and submit its assignments. */
    boolean mayStudy(Caller caller, UUID courseId);
}
