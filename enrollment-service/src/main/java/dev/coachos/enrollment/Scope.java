package dev.coachos.enrollment;

import java.util.UUID;

import dev.coachos.platform.security.Caller;

/**
 * What part of the institute a caller sees for one kind of record: everything (all-branch staff
 * holding the permission), their branch (branch staff holding it), the batches they teach
 * (teachers) or only their own records (students, and anyone else).
 */
public record Scope(Kind kind, UUID userId, UUID branchId) {

    /** The caller's reach for records guarded by {@code permission} (such as {@code read:enrollments}). */
    public static Scope of(Caller caller, String permission) {
        if (caller.studentProfileId().isPresent()) {
            return new Scope(Kind.OWN, caller.userId(), null);
        }
        if (caller.teacherProfileId().isPresent() && !caller.seesAllBranches()) {
            return new Scope(Kind.TEACHING, caller.userId(), null);
        }
        if (caller.can(permission) && caller.seesAllBranches()) {
            return new Scope(Kind.ALL, caller.userId(), null);
        }
        if (caller.can(permission) && caller.branchId().isPresent()) {
            return new Scope(Kind.BRANCH, caller.userId(), caller.branchId().get());
        }
        return new Scope(Kind.OWN, caller.userId(), null);
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
