package dev.coachos.finance;

import java.util.Optional;
import java.util.UUID;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Who may see a student's money records: the student themself; staff holding the permission for
 * the record's branch (head-office roles for every branch). Anyone else is told the record does
 * not exist (404), so ids cannot be probed.
 */
public final class Reach {

    private Reach() {
    }

    /** Whether the caller may read records of this student in this branch. */
    public static boolean reads(Caller caller, UUID studentId, UUID branchId) {
        if (caller.is(studentId)) {
            return true;
        }
        return (caller.can("read:fees") || caller.can("manage:fees")) && caller.reaches(Optional.ofNullable(branchId));
    }

    /** Whether the caller may change (take payments, re-split, waive) records of this branch. */
    public static boolean manages(Caller caller, UUID branchId) {
        return caller.can("manage:fees") && caller.reaches(Optional.ofNullable(branchId));
    }

    /** Whether the caller is a student, who sees only their own records whatever they ask for. */
    public static boolean isStudent(Caller caller) {
        return caller.studentProfileId().isPresent() && !caller.can("read:fees");
    }

    public static void requireRead(Caller caller, String what, UUID id, UUID studentId, UUID branchId) {
        if (!reads(caller, studentId, branchId)) {
            throw Problems.notFound(what, id);
        }
    }

    public static void requireManage(Caller caller, String what, UUID id, UUID studentId, UUID branchId) {
        if (!manages(caller, branchId)) {
            // A student (or anyone) who may read it is told it is forbidden; the others, that it is not there.
            if (reads(caller, studentId, branchId)) {
                throw Problems.forbidden("Changing this " + what + " needs manage:fees for its branch");
            }
            throw Problems.notFound(what, id);
        }
    }
}
