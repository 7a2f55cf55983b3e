package dev.coachos.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Makes sure the suite's database exists with one schema and one least-privilege role per
 * service. Every step is idempotent, and concurrent runs are serialised with an advisory lock,
 * so {@code ./coachos up}, CI and parallel test JVMs can all call it.
 *
 * <p>Run as a program it reads its connection from the environment (see {@link AdminConnection}).
 */
public final class DatabaseBootstrap {

    /** Every service that owns a schema. Add a service here when it gets its first migration. */
    public static final List<String> SERVICES = List.of("identity", "course", "enrollment", "communication", "audit", "assessment",
            "finance", "marketing");

    /**
     * Services whose schema is owned by a role of its own ({@code coachos_<service>_owner}, which runs
     * the migrations) while the service connects as {@code coachos_<service>}, which may use the
     * schema but create nothing in it: the audit records may only be added and read.
     */
    public static final Set<String> SEPARATE_OWNER = Set.of("audit");

    private static final long LOCK_KEY = 0x636f6163686f73L; // "coachos"

    private final AdminConnection admin;

    public DatabaseBootstrap(AdminConnection admin) {
        this.admin = admin;
    }

    public static void main(String[] args) throws SQLException {
        Map<String, String> env = System.getenv();
        AdminConnection admin = AdminConnection.fromEnvironment(env);
        String database = env.getOrDefault("COACHOS_DB_NAME", "coachos");
        List<ServiceSchema> schemas = SERVICES.stream().map(s -> ServiceSchema.conventional(s, env)).toList();
        new DatabaseBootstrap(admin).ensure(database, schemas);
        System.out.println("database " + database + " ready on " + admin.host() + ":" + admin.port()
                + " with schemas " + schemas.stream().map(ServiceSchema::schema).toList());
    }

    /** Creates the database if it is missing, then every schema and role in it. */
    public void ensure(String database, List<ServiceSchema> schemas) throws SQLException {
        ServiceSchema.requireIdentifier(database, "database");
        try (Connection maintenance = admin.open("postgres")) {
            try (Statement st = maintenance.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            }
            try {
                createDatabaseIfMissing(maintenance, database);
                for (ServiceSchema schema : schemas) {
                    ensureRole(maintenance, schema.role(), schema.password(), schema.passwordGiven());
                    if (schema.separateOwner()) {
                        ensureRole(maintenance, schema.owner().role(), schema.owner().password(),
                                schema.owner().passwordGiven());
                    }
                }
                try (Connection target = admin.open(database)) {
                    ensureSchemas(target, database, schemas);
                }
            } finally {
                try (Statement st = maintenance.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        }
    }

    /** Drops a database, ending its sessions first. For test databases only. */
    public void drop(String database) throws SQLException {
        ServiceSchema.requireIdentifier(database, "database");
        try (Connection maintenance = admin.open("postgres"); Statement st = maintenance.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void createDatabaseIfMissing(Connection maintenance, String database) throws SQLException {
        if (!exists(maintenance, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
            try (Statement st = maintenance.createStatement()) {
                st.execute("CREATE DATABASE " + database);
            }
        }
    }

    private static void ensureRole(Connection maintenance, String role, String password, boolean passwordGiven)
            throws SQLException {
        boolean exists = exists(maintenance, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
        try (Statement st = maintenance.createStatement()) {
            if (!exists) {
                st.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
                        + literal(password));
            } else if (passwordGiven) {
                st.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
                        + literal(password));
            } else {
                st.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
            }
        }
    }

    private static void ensureSchemas(Connection target, String database, List<ServiceSchema> schemas)
            throws SQLException {
        try (Statement st = target.createStatement()) {
            // Nobody but the owner may create objects in public, and no service role reads it.
            st.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            st.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            for (ServiceSchema schema : schemas) {
                String owner = schema.ownerRole();
                st.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + owner);
                st.execute("CREATE SCHEMA IF NOT EXISTS " + schema.schema() + " AUTHORIZATION " + owner);
                st.execute("ALTER SCHEMA " + schema.schema() + " OWNER TO " + owner);
                st.execute("REVOKE ALL ON SCHEMA " + schema.schema() + " FROM PUBLIC");
                st.execute("ALTER ROLE " + owner + " IN DATABASE " + database + " SET search_path = " + schema.schema());
                if (schema.separateOwner()) {
                    // The service's own role may use the schema, never create in it; its table rights
                    // come from the owner's migrations.
                    st.execute("GRANT CONNECT ON DATABASE " + database + " TO " + schema.role());
                    st.execute("REVOKE CREATE ON SCHEMA " + schema.schema() + " FROM " + schema.role());
                    st.execute("GRANT USAGE ON SCHEMA " + schema.schema() + " TO " + schema.role());
                    st.execute("ALTER ROLE " + schema.role() + " IN DATABASE " + database
                            + " SET search_path = " + schema.schema());
                }
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * How to reach the server as a role that may create databases and roles.
     *
     * <p>Environment: {@code COACHOS_DB_HOST} (localhost), {@code COACHOS_DB_PORT} (5432),
     * {@code COACHOS_DB_ADMIN_USER} (postgres), {@code COACHOS_DB_ADMIN_PASSWORD} (empty).
     */
    public record AdminConnection(String host, int port, String user, String password) {

        public static AdminConnection fromEnvironment(Map<String, String> env) {
            return new AdminConnection(
                    env.getOrDefault("COACHOS_DB_HOST", "localhost"),
                    Integer.parseInt(env.getOrDefault("COACHOS_DB_PORT", "5432")),
                    env.getOrDefault("COACHOS_DB_ADMIN_USER", "postgres"),
                    env.getOrDefault("COACHOS_DB_ADMIN_PASSWORD", ""));
        }

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public Connection open(String database) throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            if (!password.isEmpty()) {
                props.setProperty("password", password);
            }
            props.setProperty("connectTimeout", "5");
            return DriverManager.getConnection(jdbcUrl(database), props);
        }
    }
}
