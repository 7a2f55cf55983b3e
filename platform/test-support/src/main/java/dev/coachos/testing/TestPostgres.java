package dev.coachos.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.coachos.bootstrap.DatabaseBootstrap.AdminConnection;

/**
 * Finds the PostgreSQL server the tests use, in this order:
 * <ol>
 * <li>the one configured by {@code COACHOS_TEST_DB_URL} (a {@code jdbc:postgresql://host:port/}
 * URL; {@code COACHOS_TEST_DB_USER} and {@code COACHOS_TEST_DB_PASSWORD} give a role that may
 * create databases and roles), as environment variables or system properties;</li>
 * <li>a server on localhost:5432 that lets {@code postgres} in;</li>
 * <li>a Testcontainers PostgreSQL when Docker is available;</li>
 * <li>otherwise a failure that says what to do.</li>
 * </ol>
 */
public final class TestPostgres {

    private static AdminConnection server;

    private TestPostgres() {
    }

    public static synchronized AdminConnection server() {
        if (server == null) {
            server = locate();
        }
        return server;
    }

    private static AdminConnection locate() {
        String url = setting("COACHOS_TEST_DB_URL");
        String user = setting("COACHOS_TEST_DB_USER");
        String password = setting("COACHOS_TEST_DB_PASSWORD");
        if (url != null) {
            URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
            AdminConnection configured = new AdminConnection(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    user == null ? "postgres" : user, password == null ? "" : password);
            requireReachable(configured, "COACHOS_TEST_DB_URL=" + url);
            return configured;
        }
        AdminConnection local = new AdminConnection("localhost", 5432, user == null ? "postgres" : user,
                password == null ? "" : password);
        if (listening("localhost", 5432)) {
            requireReachable(local, "the PostgreSQL server on localhost:5432");
            return local;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new AdminConnection(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword());
        }
        throw new IllegalStateException("""
                The tests need PostgreSQL and found none. Either start a server on localhost:5432 that lets \
                the role postgres in (Debian: apt-get install -y postgresql, then pg_ctlcluster \
                --skip-systemctl-redirect 15 main start), or set COACHOS_TEST_DB_URL (plus COACHOS_TEST_DB_USER \
                and COACHOS_TEST_DB_PASSWORD) to a server where that role may create databases and roles, or run \
                the tests where Docker is available.""");
    }

    private static void requireReachable(AdminConnection admin, String what) {
        try (Connection ignored = admin.open("postgres")) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot log in to " + what + " as " + admin.user() + ": " + e.getMessage()
                    + ". Set COACHOS_TEST_DB_USER / COACHOS_TEST_DB_PASSWORD to a role that may create databases.", e);
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
