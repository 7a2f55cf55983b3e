package dev.coachos.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.coachos.bootstrap.DatabaseBootstrap;
import dev.coachos.bootstrap.DatabaseBootstrap.AdminConnection;
import dev.coachos.bootstrap.ServiceSchema;

/**
 * A database of its own for one test class (or one system-test run), prepared by the same
 * bootstrap that {@code ./coachos up} uses, and dropped when the JVM ends.
 */
public record TestDatabase(AdminConnection server, String name) {

    /** Creates {@code coachos_t_<label>_<random>} with every service's schema and role. */
    public static TestDatabase create(String label) {
        String clean = label.toLowerCase().replaceAll("[^a-z0-9]", "");
        if (clean.length() > 30) {
            clean = clean.substring(clean.length() - 30);
        }
        String name = "coachos_t_" + clean + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        AdminConnection server = TestPostgres.server();
        DatabaseBootstrap bootstrap = new DatabaseBootstrap(server);
        try {
            bootstrap.ensure(name, schemas());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare test database " + name + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                bootstrap.drop(name);
            } catch (SQLException ignored) {
                // the server may already be gone; a left-over test database is harmless
            }
        }));
        return new TestDatabase(server, name);
    }

    public static List<ServiceSchema> schemas() {
        return DatabaseBootstrap.SERVICES.stream().map(s -> ServiceSchema.conventional(s, Map.of())).toList();
    }

    public static ServiceSchema schema(String service) {
        return ServiceSchema.conventional(service, Map.of());
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** A connection as the server's admin role, for assertions on what a service stored. */
    public Connection adminConnection() throws SQLException {
        return server.open(name);
    }

    /**
     * Spring properties that point a service at its own schema in this database as its own role.
     * Spring keeps each test class's context (and its pool) open until the JVM ends, so pools are
     * kept small and idle connections are let go: a module's dozen contexts stay well inside
     * PostgreSQL's default of 100 connections.
     */
    public Map<String, String> springProperties(String service) {
        ServiceSchema schema = schema(service);
        return Map.of(
                "spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", schema.role(),
                "spring.datasource.password", schema.password(),
                "spring.datasource.hikari.maximum-pool-size", "5",
                "spring.datasource.hikari.minimum-idle", "0",
                "spring.datasource.hikari.idle-timeout", "10000");
    }
}
