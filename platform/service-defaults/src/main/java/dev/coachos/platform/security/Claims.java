package dev.coachos.platform.security;

/** Names of the access token's own claims, shared by the issuer and every reader. */
public final class Claims {

    public static final String ROLES = "roles";
    public static final String PERMISSIONS = "permissions";
    public static final String BRANCH_ID = "branch_id";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String STUDENT_PROFILE_ID = "student_profile_id";
    public static final String TEACHER_PROFILE_ID = "teacher_profile_id";
    public static final String STAFF_PROFILE_ID = "staff_profile_id";

    /** Grants sight of every branch; without it a caller sees only their own branch. */
    public static final String ALL_BRANCHES = "access:all_branches";

    private Claims() {
    }
}
