package dev.coachos.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.audit.trail.AuditSettings;
import dev.coachos.audit.trail.Kind;
import dev.coachos.audit.trail.NewRecord;
import dev.coachos.audit.trail.Outcome;
import dev.coachos.messaging.inbox.IncomingEvent;

class ObservedEventTest {

    private static final AuditSettings.Kinds KINDS = new AuditSettings.Kinds(List.of("finance-service"),
            List.of("UserLoggedIn", "LoginFailed"));

    @Test
    void readsTheActorWhenTheEnvelopeCarriesIt() {
        UUID user = UUID.randomUUID();
        NewRecord record = ObservedEvent.read("coachos.identity.events", user.toString(), """
                {"eventId":"%s","type":"LoginFailed","occurredAt":"2026-12-01T10:00:00Z","source":"identity-service",
                 "traceparent":"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                 "actor":{"userId":"%s","roles":"DIRECTOR, AUDITOR","clientIp":"203.0.113.9","userAgent":"curl/8"},
                 "payload":{"userId":"%s","email":"a@example.in"}}""".formatted(UUID.randomUUID(), user, user), KINDS);
        assertThat(record.kind()).isEqualTo(Kind.LOGIN);
        assertThat(record.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(record.actorUserId()).isEqualTo(user);
        assertThat(record.actorRoles()).containsExactly("DIRECTOR", "AUDITOR");
        assertThat(record.clientIp()).isEqualTo("203.0.113.9");
        assertThat(record.userAgent()).isEqualTo("curl/8");
        assertThat(record.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(record.entityType()).isEqualTo("User");
        assertThat(record.entityId()).isEqualTo(user.toString());
    }

    @Test
    void anEnvelopeWithoutActorOrWithOddFieldsStillGivesARecord() {
        NewRecord record = ObservedEvent.read("coachos.finance.events", null, """
                {"eventId":"%s","type":"FeeScheduleCreated","occurredAt":"yesterday","actor":"someone",
                 "traceparent":42,"payload":{"branchId":"not-a-uuid","changes":{"fee":{"old":"1.00","new":"2.00"}}}}"""
                .formatted(UUID.randomUUID()), KINDS);
        assertThat(record.kind()).isEqualTo(Kind.FINANCE);
        assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(record.actorUserId()).isNull();
        assertThat(record.actorRoles()).isNull();
        assertThat(record.occurredAt()).isNull();
        assertThat(record.traceId()).isNull();
        assertThat(record.branchId()).isNull();
        assertThat(record.entityType()).isEqualTo("Fee");
        assertThat(record.changes().at("/fee/new").asString()).isEqualTo("2.00");
    }

    @Test
    void derivesChangedFieldsFromPreviousValuePairs() {
        NewRecord record = ObservedEvent.read("coachos.enrollment.events", "e1", """
                {"eventId":"%s","type":"EnrollmentStatusChanged","source":"enrollment-service",
                 "payload":{"enrollmentId":"e1","previous":"ACTIVE","status":"ON_HOLD",
                            "previousFeeFrequency":"MONTHLY","feeFrequency":"ONE_TIME","reason":null}}"""
                .formatted(UUID.randomUUID()), KINDS);
        assertThat(record.entityType()).isEqualTo("Enrollment");
        assertThat(record.changes().at("/status/old").asString()).isEqualTo("ACTIVE");
        assertThat(record.changes().at("/status/new").asString()).isEqualTo("ON_HOLD");
        assertThat(record.changes().at("/feeFrequency/old").asString()).isEqualTo("MONTHLY");
        assertThat(record.kind()).isEqualTo(Kind.GENERAL);
        assertThat(record.actorVia()).isNull();
    }

    @Test
    void anEventCausedByAnotherNamesItsCause() {
        UUID cause = UUID.randomUUID();
        NewRecord record = ObservedEvent.read("coachos.enrollment.events", "e1", """
                {"eventId":"%s","type":"EnrollmentStatusChanged","source":"enrollment-service",
                 "actor":{"userId":null,"roles":[],"clientIp":null,"userAgent":null,"via":"event:%s"},
                 "payload":{"enrollmentId":"e1"}}""".formatted(UUID.randomUUID(), cause), KINDS);
        assertThat(record.actorVia()).isEqualTo("event:" + cause);
        assertThat(record.actorCausedBy()).isEqualTo(cause.toString());
        assertThat(record.actorJob()).isNull();
        assertThat(record.actorUserId()).isNull();
    }

    @Test
    void theFinanceSourceMakesAFinanceRecordOnAnyTopic() {
        assertThat(ObservedEvent.kind("coachos.other.events", "finance-service", "PaymentReceived", KINDS))
                .isEqualTo(Kind.FINANCE);
        assertThat(ObservedEvent.kind("coachos.finance.events", null, "PaymentReceived", KINDS))
                .isEqualTo(Kind.FINANCE);
        assertThat(ObservedEvent.kind("coachos.identity.events", "identity-service", "UserLoggedIn", KINDS))
                .isEqualTo(Kind.LOGIN);
    }

    @Test
    void aNulCharacterIsReplacedSincePostgresqlCannotStoreIt() {
        NewRecord record = ObservedEvent.read("coachos.course.events", "k", """
                {"eventId":"%s","type":"CourseCreated","payload":{"title":"a\\u0000b"}}"""
                .formatted(UUID.randomUUID()), KINDS);
        assertThat(record.payload().path("title").asString()).isEqualTo("a\uFFFDb");
    }

    @Test
    void whatIsNoEnvelopeIsMalformed() {
        assertThatThrownBy(() -> ObservedEvent.read("t", "k", "not json", KINDS))
                .isInstanceOf(IncomingEvent.MalformedEvent.class);
        assertThatThrownBy(() -> ObservedEvent.read("t", "k", "{\"type\":\"X\",\"payload\":{}}", KINDS))
                .isInstanceOf(IncomingEvent.MalformedEvent.class);
        assertThatThrownBy(() -> ObservedEvent.read("t", "k", "{\"eventId\":\"nope\",\"type\":\"X\",\"payload\":{}}",
                KINDS)).isInstanceOf(IncomingEvent.MalformedEvent.class);
        assertThatThrownBy(() -> ObservedEvent.read("t", "k", null, KINDS))
                .isInstanceOf(IncomingEvent.MalformedEvent.class);
    }
}
