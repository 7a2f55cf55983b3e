package dev.coachos.finance.payroll;

import java.util.Optional;
import java.util.UUID;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Who may see and change pay records: payroll staff (read:payroll, which manage:payroll includes) for the
 * branches in their reach (head office, branch null, only with access:all_branches); the person themself
 * reads their own. Anyone else is told a record does not exist (404), so ids cannot be probed.
 */
final class PayrollAccess {

    private PayrollAccess() {
    }

    /** Whether the caller reads pay records of others at all (else only their own). */
    static boolean readsOthers(Caller caller) {
        return caller.can("read:payroll");
    }

    static boolean reads(Caller caller, UUID personId, UUID branchId) {
        return caller.is(personId) || (caller.can("read:payroll") && caller.reaches(Optional.ofNullable(branchId)));
    }

    static boolean manages(Caller caller, UUID branchId) {
        return caller.can("manage:payroll") && caller.reaches(Optional.ofNullable(branchId));
    }

    static void requireRead(Caller caller, String what, UUID id, UUID personId, UUID branchId) {
        if (!reads(caller, personId, branchId)) {
            throw Problems.notFound(what, id);
        }
    }

    /** A record the caller may read but not change is a 403; one they may not read, a 404. */
    static void requireManage(Caller caller, String what, UUID id, UUID personId, UUID branchId) {
        if (!manages(caller, branchId)) {
            if (reads(caller, personId, branchId)) {
                throw Problems.forbidden("Changing this " + what + " needs manage:payroll for its branch");
            }
            throw Problems.notFound(what, id);
        }
    }

    /**
     * Payroll staff do not set up, change, approve or pay their own pay: a change of the caller's own
     * structure or slip is a 403 (another member of payroll staff makes it).
     */
    static void requireNotOwn(Caller caller, UUID personId, String what) {
        if (caller.is(personId)) {
            throw Problems.forbidden("You cannot " + what + " of your own; another member of payroll staff does");
        }
    }
}
