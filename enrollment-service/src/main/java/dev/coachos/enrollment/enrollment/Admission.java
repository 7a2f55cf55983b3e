package dev.coachos.enrollment.enrollment;

/**
 * What became of a student enrolled by the institute itself, with no caller (a converted lead):
 * enrolled now, found enrolled in that batch already, or refused with the reason.
 */
public sealed interface Admission {

    /** Enrolled: {@code existing} when the student was already ACTIVE in the batch and nothing new was made. */
    record Enrolled(Enrollment enrollment, boolean existing) implements Admission {
    }

    /** Not enrolled, and nothing changed; {@code detail} is a sentence for staff. */
    record Refused(Reason reason, String detail) implements Admission {
    }

    /** Why a student was not enrolled. */
    enum Reason {
        /** No such batch. */
        BATCH_NOT_FOUND,
        /** The batch is closed or cancelled, or its course is no longer offered. */
        BATCH_NOT_OPEN,
        /** No free seat (or students wait for one); the institute's enrollments never join a waitlist. */
        BATCH_FULL,
        /** The student has another live enrollment in the course (another batch, in line, on hold, completed). */
        ALREADY_ENROLLED,
        /** The discount is incomplete, negative, above the fee (or 100%), or has more than two decimals. */
        INVALID_DISCOUNT,
        /** The directory knows the student's account as deactivated. */
        STUDENT_DEACTIVATED
    }
}
