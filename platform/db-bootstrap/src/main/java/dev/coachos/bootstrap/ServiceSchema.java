package dev.coachos.bootstrap;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One service's slice of the shared database: a schema owned by a login role that can use
 * nothing else.
 *
 * @param service  the service's short name, e.g. {@code identity}
 * @param schema   the schema the service's Flyway migrations own
 * @param role     the database role the service connects as
 * @param password the role's password
 * @param passwordGiven whether the password was configured; a default one is set only when the
 *                 role is created, never over a password someone set
 */
public record ServiceSchema(String service, String schema, String role, String password, boolean passwordGiven) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ServiceSchema {
        requireIdentifier(schema, "schema");
        requireIdentifier(role, "role");
        Objects.requireNonNull(password, "password");
    }

    public ServiceSchema(String service, String schema, String role, String password) {
        this(service, schema, role, password, true);
    }

    /**
     * The conventional slice for a service: schema {@code <service>}, role
     * {@code coachos_<service>}, password from {@code COACHOS_<SERVICE>_DB_PASSWORD} or, when
     * that is not set, the role name (good enough for a trust-auth local server, never for a
     * shared one).
     */
    public static ServiceSchema conventional(String service, Map<String, String> env) {
        String schema = service.replace('-', '_');
        String role = "coachos_" + schema;
        String variable = "COACHOS_" + schema.toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
        String given = env.get(variable);
        return new ServiceSchema(service, schema, role, given == null ? role : given, given != null);
    }

    static void requireIdentifier(String value, String what) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier, was: " + value);
        }
    }
}
