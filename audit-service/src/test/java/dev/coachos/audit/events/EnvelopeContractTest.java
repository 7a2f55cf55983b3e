package dev.coachos.audit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.audit.trail.AuditSettings;
import dev.coachos.audit.trail.Kind;
import dev.coachos.audit.trail.NewRecord;
import dev.coachos.audit.trail.Outcome;
import dev.coachos.events.Actor;
import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.identity.LoginFailed;
import dev.coachos.events.identity.RolePermissionsChanged;
import dev.coachos.events.identity.UserRoleChanged;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producers' envelopes (platform/events contract records, written with a plain mapper as the
 * outbox does) read as the audit listener reads them: a field renamed on either side fails here.
 */
class EnvelopeContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AuditSettings.Kinds KINDS = new AuditSettings.Kinds(List.of("finance-service"),
            List.of("UserLoggedIn", "UserLoggedOut", "LoginFailed", "PasswordResetRequested", "PasswordResetCompleted"));

    @Test
    void aUsersRequestNamesTheUserTheirRolesAddressAndAgent() {
        UUID director = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        NewRecord record = read("coachos.identity.events", user.toString(), "UserRoleChanged",
                new Actor(director.toString(), List.of("DIRECTOR"), "203.0.113.7", "CoachosApp/2.1", "request"),
                new UserRoleChanged(user.toString(), "STUDENT", "TEACHER", "TEACHER"));
        assertThat(record.actorUserId()).isEqualTo(director);
        assertThat(record.actorRoles()).containsExactly("DIRECTOR");
        assertThat(record.clientIp()).isEqualTo("203.0.113.7");
        assertThat(record.userAgent()).isEqualTo("CoachosApp/2.1");
        assertThat(record.actorVia()).isEqualTo("request");
        assertThat(record.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(record.entityType()).isEqualTo("User");
        assertThat(record.changes().at("/role/new").asString()).isEqualTo("TEACHER");
        assertThat(record.kind()).isEqualTo(Kind.GENERAL);
    }

    @Test
    void aFailedLoginIsALoginRecordOfFailure() {
        UUID user = UUID.randomUUID();
        NewRecord record = read("coachos.identity.events", user.toString(), "LoginFailed",
                new Actor(null, List.of(), "198.51.100.4", "curl/8", "request"),
                new LoginFailed(user.toString(), "asha@example.in", "WRONG_PASSWORD", false));
        assertThat(record.kind()).isEqualTo(Kind.LOGIN);
        assertThat(record.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(record.actorUserId()).isNull();
        assertThat(record.actorRoles()).isNull();
        assertThat(record.clientIp()).isEqualTo("198.51.100.4");
        assertThat(record.entityType()).isEqualTo("User");
        assertThat(record.entityId()).isEqualTo(user.toString());
    }

    @Test
    void aJobAndAPermissionGrantAreNamed() {
        NewRecord job = read("coachos.identity.events", "r1", "RolePermissionsChanged", Actor.job("nightly-cleanup"),
                new RolePermissionsChanged("r1", "AUDITOR", "GRANTED", "read:audit", List.of("read:audit")));
        assertThat(job.actorJob()).isEqualTo("nightly-cleanup");
        assertThat(job.actorVia()).isEqualTo("job:nightly-cleanup");
        assertThat(job.entityType()).isEqualTo("Role");
        assertThat(job.kind()).isEqualTo(Kind.GENERAL);
        UUID cause = UUID.randomUUID();
        NewRecord triggered = read("coachos.identity.events", "r1", "RolePermissionsChanged",
                Actor.triggeredBy(cause.toString()),
                new RolePermissionsChanged("r1", "AUDITOR", "CREATED", null, List.of()));
        assertThat(triggered.actorCausedBy()).isEqualTo(cause.toString());
    }

    @Test
    void anEnvelopeFromBeforeTheActorStillReads() {
        UUID user = UUID.randomUUID();
        NewRecord record = read("coachos.identity.events", user.toString(), "UserRoleChanged", null,
                new UserRoleChanged(user.toString(), "STUDENT", "TEACHER", null));
        assertThat(record.actorUserId()).isNull();
        assertThat(record.actorVia()).isNull();
        assertThat(record.entityType()).isEqualTo("User");
    }

    private static NewRecord read(String topic, String key, String type, Actor actor, DomainEvent payload) {
        String value = JSON.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), type, 1, Instant.now(),
                "identity-service", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", actor, payload));
        return ObservedEvent.read(topic, key, value, KINDS);
    }
}
