package dev.coachos.communication.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is who, as identity-service's events tell it (name, e-mail, role, branch, profile type,
 * active, reporting manager), so notifications can be addressed by role ("every director", "the
 * branch's managers") and name people without calling identity, and a staff member's manager is
 * known. Kept by {@link DirectoryReadModel}.
 */
@Service
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active users holding one of the roles. */
    public List<UUID> withRoles(List<String> roles) {
        return jdbc.sql("select user_id from recipient where role = any(?) and active order by user_id")
                .param(roles.toArray(String[]::new)).query(UUID.class).list();
    }

    /** Active users holding one of the roles in one branch. */
    public List<UUID> inBranchWithRoles(UUID branch, List<String> roles) {
        return jdbc.sql("select user_id from recipient where branch_id = ? and role = any(?) and active order by user_id")
                .params(branch, roles.toArray(String[]::new)).query(UUID.class).list();
    }

    /** A user as identity last told of them, if it has. */
    public Optional<Recipient> find(UUID user) {
        return jdbc.sql("select user_id, name, role, branch_id, profile_type, active from recipient where user_id = ?")
                .param(user)
                .query((rs, n) -> new Recipient(rs.getObject("user_id", UUID.class), rs.getString("name"),
                        rs.getString("role"), rs.getObject("branch_id", UUID.class), rs.getString("profile_type"),
                        rs.getBoolean("active")))
                .optional();
    }

    /** A user's name, if identity has told of them. */
    public Optional<String> name(UUID user) {
        return jdbc.sql("select name from recipient where user_id = ?").param(user).query(String.class).optional();
    }

    /** The user a staff member reports to, if their staff profile names one. */
    public Optional<UUID> reportingManagerOf(UUID user) {
        return jdbc.sql("select reporting_manager_id from recipient where user_id = ? and reporting_manager_id is not null")
                .param(user).query(UUID.class).optional();
    }

    /** Whether identity has told of the user and they are active. */
    public boolean isActive(UUID user) {
        return jdbc.sql("select count(*) from recipient where user_id = ? and active").param(user).query(Integer.class)
                .single() > 0;
    }

    /**
     * How to reach a user outside the app: their e-mail and phone as identity last told them (either
     * may be null), if identity has told of them.
     */
    public Optional<Contact> contact(UUID user) {
        return jdbc.sql("select user_id, name, email, phone from recipient where user_id = ?").param(user)
                .query((rs, n) -> new Contact(rs.getObject("user_id", UUID.class), rs.getString("name"),
                        rs.getString("email"), rs.getString("phone")))
                .optional();
    }

    /** The active users among these, with their contacts, in the order of their ids. */
    public List<Contact> activeContacts(List<UUID> users) {
        return jdbc.sql("""
                select user_id, name, email, phone from recipient where user_id = any(?) and active order by user_id""")
                .param(users.toArray(UUID[]::new))
                .query((rs, n) -> new Contact(rs.getObject("user_id", UUID.class), rs.getString("name"),
                        rs.getString("email"), rs.getString("phone")))
                .list();
    }

    /** A student's guardians as their profile last gave them, first guardian first; none when it gave none. */
    public List<Guardian> guardiansOf(UUID student) {
        return jdbc.sql("select name, relation, phone, email from student_guardian where student_id = ? order by position")
                .param(student)
                .query((rs, n) -> new Guardian(rs.getString("name"), rs.getString("relation"), rs.getString("phone"),
                        rs.getString("email")))
                .list();
    }

    void registered(UUID user, String email, String name, String role, UUID branch, String profileType,
            String phone) {
        jdbc.sql("""
                insert into recipient (user_id, email, name, role, branch_id, profile_type, active, updated_at, phone)
                values (?, ?, ?, ?, ?, ?, true, ?, ?)
                on conflict (user_id) do update set email = excluded.email, name = excluded.name, role = excluded.role,
                    branch_id = excluded.branch_id, profile_type = coalesce(excluded.profile_type, recipient.profile_type),
                    active = excluded.active, updated_at = excluded.updated_at,
                    phone = coalesce(excluded.phone, recipient.phone)""")
                .params(user, email, name, role, branch, profileType, now(), phone).update();
    }

    /** A user's details now; their phone as the event gives it (null: they have none now). */
    void updated(UUID user, String email, String name, UUID branch, boolean active, String phone) {
        jdbc.sql("""
                update recipient set email = coalesce(?, email), name = ?, branch_id = ?, active = ?, updated_at = ?,
                    phone = ?
                where user_id = ?""")
                .params(email, name, branch, active, now(), phone, user).update();
    }

    /** Replaces the student's guardians with these (none: the student has none now). */
    void guardians(UUID student, List<Guardian> guardians) {
        jdbc.sql("delete from student_guardian where student_id = ?").param(student).update();
        int position = 1;
        for (Guardian guardian : guardians) {
            jdbc.sql("""
                    insert into student_guardian (student_id, position, name, relation, phone, email, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(student, position++, guardian.name(), guardian.relation(), guardian.phone(),
                            guardian.email(), now())
                    .update();
        }
    }

    void roleChanged(UUID user, String role, String profileType) {
        jdbc.sql("""
                update recipient set role = ?, profile_type = coalesce(?, profile_type), updated_at = ?
                where user_id = ?""")
                .params(role, profileType, now(), user).update();
    }

    /**
     * Keeps whom the user reports to. A staff profile may be told of before its user's UserRegistered:
     * then an inactive row with an empty name and role holds the manager until that event fills it in
     * (inactive, it is addressed by no notification meanwhile).
     */
    void reportsTo(UUID user, UUID manager) {
        jdbc.sql("""
                insert into recipient (user_id, name, role, active, updated_at, reporting_manager_id)
                values (?, '', '', false, ?, ?)
                on conflict (user_id) do update set reporting_manager_id = excluded.reporting_manager_id,
                    updated_at = excluded.updated_at""")
                .params(user, now(), manager).update();
    }

    void deactivated(UUID user) {
        jdbc.sql("update recipient set active = false, updated_at = ? where user_id = ?").params(now(), user).update();
    }

    /**
     * One user as the directory knows them.
     *
     * @param branchId    their branch, or null for head office
     * @param profileType STUDENT, TEACHER or STAFF; null when identity's event did not say
     */
    public record Recipient(UUID userId, String name, String role, UUID branchId, String profileType,
            boolean active) {

        public boolean isStaff() {
            return "STAFF".equals(profileType);
        }
    }

    /** A user and how to reach them; e-mail or phone null when identity has none. */
    public record Contact(UUID userId, String name, String email, String phone) {
    }

    /**
     * A student's guardian as the student's profile gives them.
     *
     * @param relation such as FATHER or MOTHER, or null
     * @param phone    E.164, or null
     * @param email    or null
     */
    public record Guardian(String name, String relation, String phone, String email) {
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
