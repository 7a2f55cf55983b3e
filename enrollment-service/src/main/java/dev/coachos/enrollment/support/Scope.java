package dev.coachos.enrollment.support;

import java.util.UUID;

import dev.coachos.platform.security.Caller;

/**
 * What part of the institute a caller sees: everything (directors, general managers, admins),
 * their branch (branch staff), the batches they teach (teachers) or their own records (students).
 */
public record Scope(Kind kind, UUID userId, UUID branchId) {

    public static Scope of(Caller caller) {
        if (caller.seesAllBranches()) {
            return new Scope(Kind.ALL, caller.userId(), null);
        }
        if (caller.studentProfileId().isPresent()) {
            return new Scope(Kind.OWN, caller.userId(), null);
        }
        if (caller.teacherProfileId().isPresent()) {
            return new Scope(Kind.TEACHING, caller.userId(), null);
        }
        return new Scope(Kind.BRANCH, caller.userId(), caller.branchId().orElse(null));
    }

    /** Whether a batch of this branch and teacher is within reach (students' reach is checked by enrollment). */
    public boolean reachesBatch(UUID batchBranch, UUID batchTeacher) {
        return switch (kind) {
            case ALL -> true;
            case BRANCH -> branchId != null && branchId.equals(batchBranch);
            case TEACHING -> userId.equals(batchTeacher);
            case OWN -> false;
        };
    }

    /** The kinds of reach. */
    public enum Kind {
        ALL, BRANCH, TEACHING, OWN
    }
}
