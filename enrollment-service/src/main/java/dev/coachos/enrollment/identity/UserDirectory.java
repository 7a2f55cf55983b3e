package dev.coachos.enrollment.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.coachos.platform.data.Arrival;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Who exists for enrollment-service, from identity-service's events: the ids a request names are
 * checked here (a student is a student, a teacher a teacher, both active), and so is the caller
 * (an account deactivated or given another role since its token was issued may no longer act).
 * A user created a moment ago may not have arrived yet: lookups wait for it a little
 * ({@code coachos.enrollment.directory-wait}) and then say so.
 */
@Service
public class UserDirectory {


    private final JdbcClient jdbc;
    private final Duration patience;

    UserDirectory(JdbcClient jdbc, @Value("${coachos.enrollment.directory-wait:3s}") Duration patience) {
        this.jdbc = jdbc;
        this.patience = patience;
    }

    public Optional<KnownUser> find(UUID id) {
        return jdbc.sql("select " + KnownUser.COLUMNS + " from known_user u where u.user_id = ?").param(id)
                .query(KnownUser::read).optional();
    }

    /**
     * The user a request names in {@code field}, who must be an active {@code profile}: a 400 naming
     * the field for an unknown id or another kind of user, a 409 for a deactivated account. Call it outside a transaction: it may wait for a user who was just created.
     */
    public KnownUser require(UUID id, KnownUser.Profile profile, String field) {
        KnownUser user = Arrival.awaited(patience, () -> find(id)).orElseThrow(() -> Problems.invalidField(field, "no " + noun(profile) + " with id "
                + id + " is known here; an account created a moment ago may take a few seconds to arrive"));
        if (user.profile() != profile) {
            throw Problems.invalidField(field, "user " + id + " is not a " + noun(profile));
        }
        if (!user.active()) {
            throw Problems.conflict("The account of " + noun(profile) + " " + id + " is deactivated");
        }
        return user;
    }

    /**
     * Refuses a caller whose account was deactivated, or whose role changed, after their token was
     * issued: their token is still valid for a few minutes, but they may no longer act. A caller this
     * service has not heard of is judged by their token alone.
     */
    public void requireCurrent(Caller caller) {
        find(caller.userId()).ifPresent(user -> {
            if (!user.active()) {
                throw Problems.raise(HttpStatus.FORBIDDEN, Problems.type("account-deactivated"), "Account deactivated",
                        "Your account has been deactivated");
            }
            if (!caller.roles().contains(user.role())) {
                throw Problems.raise(HttpStatus.FORBIDDEN, Problems.type("stale-token"), "Role changed",
                        "Your role changed since you signed in; sign in again");
            }
        });
    }

    void registered(UUID id, String role, KnownUser.Profile profile, UUID branch) {
        jdbc.sql("""
                insert into known_user (user_id, role, profile_type, branch_id, active, updated_at)
                values (?, ?, ?, ?, true, ?)
                on conflict (user_id) do update set role = excluded.role, profile_type = excluded.profile_type,
                    branch_id = excluded.branch_id, updated_at = excluded.updated_at""")
                .params(id, role, profile.name(), branch, Timestamp.from(Instant.now())).update();
    }

    void updated(UUID id, UUID branch, boolean active) {
        jdbc.sql("update known_user set branch_id = ?, active = ?, updated_at = ? where user_id = ?")
                .params(branch, active, Timestamp.from(Instant.now()), id).update();
    }

    /** A new role; a user not heard of before (registered beyond what the topic keeps) is known from now on. */
    void roleChanged(UUID id, String role, KnownUser.Profile profile) {
        jdbc.sql("""
                insert into known_user (user_id, role, profile_type, branch_id, active, updated_at)
                values (?, ?, ?, null, true, ?)
                on conflict (user_id) do update set role = excluded.role, profile_type = excluded.profile_type,
                    updated_at = excluded.updated_at""")
                .params(id, role, profile.name(), Timestamp.from(Instant.now())).update();
    }

    /** Deactivated; a user not heard of before (registered beyond what the topic keeps) is remembered as such. */
    void deactivated(UUID id) {
        jdbc.sql("""
                insert into known_user (user_id, role, profile_type, branch_id, active, updated_at)
                values (?, 'UNKNOWN', 'STAFF', null, false, ?)
                on conflict (user_id) do update set active = false, updated_at = excluded.updated_at""")
                .params(id, Timestamp.from(Instant.now())).update();
    }

    private static String noun(KnownUser.Profile profile) {
        return profile.name().toLowerCase(java.util.Locale.ROOT);
    }
}
