package dev.coachos.communication.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is who, as identity-service's events tell it (name, role, active), so notifications can be
 * addressed by role ("every director") and name people without calling identity. Kept by
 * {@link DirectoryReadModel}.
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

    /** A user's name, if identity has told of them. */
    public Optional<String> name(UUID user) {
        return jdbc.sql("select name from recipient where user_id = ?").param(user).query(String.class).optional();
    }

    /** Whether identity has told of the user and they are active. */
    public boolean isActive(UUID user) {
        return jdbc.sql("select count(*) from recipient where user_id = ? and active").param(user).query(Integer.class)
                .single() > 0;
    }

    void registered(UUID user, String name, String role) {
        jdbc.sql("""
                insert into recipient (user_id, name, role, active, updated_at) values (?, ?, ?, true, ?)
                on conflict (user_id) do update set name = excluded.name, role = excluded.role,
                    active = excluded.active, updated_at = excluded.updated_at""")
                .params(user, name, role, now()).update();
    }

    void updated(UUID user, String name, boolean active) {
        jdbc.sql("update recipient set name = ?, active = ?, updated_at = ? where user_id = ?")
                .params(name, active, now(), user).update();
    }

    void roleChanged(UUID user, String role) {
        jdbc.sql("update recipient set role = ?, updated_at = ? where user_id = ?").params(role, now(), user).update();
    }

    void deactivated(UUID user) {
        jdbc.sql("update recipient set active = false, updated_at = ? where user_id = ?").params(now(), user).update();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
