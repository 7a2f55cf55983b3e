package dev.coachos.enrollment.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A user as identity-service last described them: role, what the role makes them, branch, and whether they may act. */
public record KnownUser(UUID id, String role, Profile profile, UUID branchId, boolean active) {

    static final String COLUMNS = "u.user_id, u.role, u.profile_type, u.branch_id, u.active";

    static KnownUser read(ResultSet rs, int row) throws SQLException {
        return new KnownUser(rs.getObject("user_id", UUID.class), rs.getString("role"),
                Profile.valueOf(rs.getString("profile_type")), rs.getObject("branch_id", UUID.class),
                rs.getBoolean("active"));
    }

    /** What a role makes a user. */
    public enum Profile {
        STUDENT, TEACHER, STAFF;

        /** The profile an event names; events published before it was carried are judged by the seeded role names. */
        static Profile of(String profileType, String role) {
            if (profileType != null) {
                return valueOf(profileType);
            }
            return switch (role) {
                case "STUDENT" -> STUDENT;
                case "TEACHER" -> TEACHER;
                default -> STAFF;
            };
        }
    }
}
