package dev.coachos.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.audit.chain.CanonicalJson;
import dev.coachos.audit.trail.AuditRecord;
import dev.coachos.audit.trail.AuditTrail;
import dev.coachos.audit.trail.Kind;
import dev.coachos.audit.trail.NewRecord;
import dev.coachos.audit.trail.Outcome;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import dev.coachos.testing.TestPostgres;

/**
 * audit-service as it runs, on a database of the test class's own, with helpers to add records as
 * the listener does and to reach the database as its owner or as the server's superuser.
 */
@IsolatedDatabase(service = "audit")
abstract class AuditIntegrationTest extends ServiceIntegrationTest {

    @Autowired
    protected AuditTrail trail;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private Environment environment;

    /** A token that may read the audit trail of every branch. */
    protected String auditor() {
        return KEYS.token().subject(UUID.randomUUID()).permissions(List.of("read:audit", "access:all_branches"))
                .sign();
    }

    /** Appends a record as the listener would, in a transaction of its own. */
    protected AuditRecord append(NewRecord record) {
        return new TransactionTemplate(transactions).execute(status -> trail.append(record));
    }

    protected static NewRecord event(Kind kind, String type, String source, String entityType, String entityId,
            UUID actor, UUID branch, String payload) {
        return new NewRecord(UUID.randomUUID(), kind, type, source, "coachos.test.events", Instant.now(), entityType,
                entityId, actor, actor == null ? null : List.of("DIRECTOR"), actor == null ? "system" : "request", null,
                null, "10.0.0.7", "JUnit",
                "4bf92f3577b34da6a3ce929d0e0e4736", branch, CanonicalJson.read(payload), null, Outcome.ofType(type));
    }

    protected static NewRecord event(String type, String entityId) {
        return event(Kind.GENERAL, type, "test-service", "Thing", entityId, null, null,
                "{\"thingId\":\"" + entityId + "\",\"fee\":\"18500.00\",\"ratio\":1.50}");
    }

    /** The server's superuser on this class's database: may switch the append-only trigger off. */
    protected Connection superuser() throws SQLException {
        return TestPostgres.server().open(environment.getRequiredProperty("coachos.test.database"));
    }

    /** The schema's owner, as Flyway connects. */
    protected Connection owner() throws SQLException {
        return DriverManager.getConnection(TestPostgres.server().jdbcUrl(
                environment.getRequiredProperty("coachos.test.database")), "coachos_audit_owner", "coachos_audit_owner");
    }
}
