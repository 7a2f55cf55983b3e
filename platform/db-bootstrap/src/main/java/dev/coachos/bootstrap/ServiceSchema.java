package dev.coachos.bootstrap;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One service's slice of the shared database: a schema owned by a login role that can use
 * nothing else.
 *
 * <p>Most services connect as the role that owns their schema. A service whose records must not
 * change once written (audit) has a separate owner: the owner runs its Flyway migrations, and the
 * role it connects as gets only {@code USAGE} on the schema here and, from those migrations, the
 * table rights it needs.
 *
 * @param service  the service's short name, e.g. {@code identity}
 * @param schema   the schema the service's Flyway migrations own
 * @param role     the database role the service connects as
 * @param password the role's password
 * @param passwordGiven whether the password was configured; a default one is set only when the
 *                 role is created, never over a password someone set
 * @param owner    the role that owns the schema (runs the migrations); {@code null} when it is {@code role}
 */
public record ServiceSchema(String service, String schema, String role, String password, boolean passwordGiven,
        Owner owner) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ServiceSchema {
        requireIdentifier(schema, "schema");
        requireIdentifier(role, "role");
        Objects.requireNonNull(password, "password");
        if (owner != null && owner.role().equals(role)) {
            throw new IllegalArgumentException("a separate owner must be another role than " + role);
        }
    }

    public ServiceSchema(String service, String schema, String role, String password, boolean passwordGiven) {
        this(service, schema, role, password, passwordGiven, null);
    }

    public ServiceSchema(String service, String schema, String role, String password) {
        this(service, schema, role, password, true);
    }

    /** Whether the schema belongs to a role other than the one the service connects as. */
    public boolean separateOwner() {
        return owner != null;
    }

    /** The role that owns the schema and runs the migrations. */
    public String ownerRole() {
        return owner == null ? role : owner.role();
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
        Owner owner = null;
        if (DatabaseBootstrap.SEPARATE_OWNER.contains(service)) {
            String ownerRole = role + "_owner";
            String ownerVariable = "COACHOS_" + schema.toUpperCase(Locale.ROOT) + "_OWNER_DB_PASSWORD";
            String ownerGiven = env.get(ownerVariable);
            owner = new Owner(ownerRole, ownerGiven == null ? ownerRole : ownerGiven, ownerGiven != null);
        }
        return new ServiceSchema(service, schema, role, given == null ? role : given, given != null, owner);
    }

    /**
     * The login role that owns a schema when the service itself connects as another role: for audit
     * {@code coachos_audit_owner}, password {@code COACHOS_AUDIT_OWNER_DB_PASSWORD} (else the role name).
     */
    public record Owner(String role, String password, boolean passwordGiven) {

        public Owner {
            requireIdentifier(role, "owner role");
            Objects.requireNonNull(password, "owner password");
        }
    }

    static void requireIdentifier(String value, String what) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier, was: " + value);
        }
    }
}
