package dev.coachos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs against the PostgreSQL of the COACHOS_DB_* variables (localhost:5432 by default). */
class DatabaseBootstrapIT {

    private final DatabaseBootstrap.AdminConnection admin = DatabaseBootstrap.AdminConnection.fromEnvironment(System.getenv());
    private final DatabaseBootstrap bootstrap = new DatabaseBootstrap(admin);
    private final String database = "coachos_t_bootstrap_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffff);
    private final ServiceSchema identity = ServiceSchema.conventional("identity", Map.of());
    private final ServiceSchema other = new ServiceSchema("other", "other_svc", "coachos_test_other", "other-pass");

    @AfterEach
    void drop() throws SQLException {
        bootstrap.drop(database);
    }

    @Test
    void runningTwiceChangesNothingAndEachRoleOwnsOnlyItsSchema() throws SQLException {
        bootstrap.ensure(database, List.of(identity, other));
        bootstrap.ensure(database, List.of(identity, other));

        try (Connection asOther = connect(other); Statement st = asOther.createStatement()) {
            st.execute("CREATE TABLE other_svc.things (id int)");
            st.execute("INSERT INTO things VALUES (1)");
        }
        try (Connection asIdentity = connect(identity); Statement st = asIdentity.createStatement()) {
            st.execute("CREATE TABLE identity.widgets (id int)");
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM other_svc.things"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("CREATE TABLE public.sneaky (id int)"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void anAuditSchemaBelongsToItsOwnerWhileTheServiceRoleMayOnlyUseIt() throws SQLException {
        ServiceSchema audit = ServiceSchema.conventional("audit", Map.of());
        assertThat(audit.role()).isEqualTo("coachos_audit");
        assertThat(audit.ownerRole()).isEqualTo("coachos_audit_owner");
        bootstrap.ensure(database, List.of(identity, audit));
        bootstrap.ensure(database, List.of(identity, audit));

        try (Connection asOwner = connect(audit.ownerRole(), audit.owner().password());
                Statement st = asOwner.createStatement()) {
            st.execute("CREATE TABLE audit.entries (id int)");
            st.execute("INSERT INTO entries VALUES (1)");
            st.execute("GRANT SELECT ON entries TO coachos_audit");
        }
        try (Connection asService = connect(audit); Statement st = asService.createStatement()) {
            assertThat(st.executeQuery("SELECT count(*) FROM entries").next()).isTrue();
            assertThatThrownBy(() -> st.execute("CREATE TABLE audit.sneaky (id int)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("DELETE FROM entries")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM identity.nothing"))
                    .hasMessageContaining("permission denied");
        }
    }

    private Connection connect(ServiceSchema schema) throws SQLException {
        return connect(schema.role(), schema.password());
    }

    private Connection connect(String role, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", role);
        props.setProperty("password", password);
        return DriverManager.getConnection(admin.jdbcUrl(database), props);
    }
}
