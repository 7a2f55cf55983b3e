package dev.coachos.communication.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.identity.IdentityEvents;
import dev.coachos.events.identity.StaffProfileUpdated;
import dev.coachos.events.identity.UserDeactivated;
import dev.coachos.events.identity.UserRegistered;
import dev.coachos.events.identity.UserRoleChanged;
import dev.coachos.events.identity.UserUpdated;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service's events as it writes them, read the way this service's listeners read them:
 * every field the welcome and the directory use arrives under the name and type they expect.
 */
class IdentityEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void aNewUserIsWelcomedByTheNameIdentityGaveThem() {
        IncomingEvent event = travel(new UserRegistered("0190a1b2-0000-7000-8000-000000000001", "asha@example.in",
                "Asha Rao", "STUDENT", "0190a1b2-0000-7000-8000-0000000000b1", "STUDENT", "+919810000001"));

        assertThat(event.type()).isEqualTo("UserRegistered");
        WelcomingNewUsers.Registered read = event.payloadAs(WelcomingNewUsers.Registered.class, 1);
        assertThat(read.userId()).isEqualTo("0190a1b2-0000-7000-8000-000000000001");
        assertThat(read.name()).isEqualTo("Asha Rao");
    }

    @Test
    void theDirectoryLearnsANewUsersNameRoleEmailBranchAndProfileType() {
        IncomingEvent event = travel(new UserRegistered("0190a1b2-0000-7000-8000-000000000002", "ravi@example.in",
                "Ravi Kumar", "DIRECTOR", "0190a1b2-0000-7000-8000-0000000000b2", "STAFF", null));

        assertThat(event.type()).isEqualTo("UserRegistered");
        DirectoryReadModel.Registered read = event.payloadAs(DirectoryReadModel.Registered.class, 1);
        assertThat(read.userId()).isEqualTo("0190a1b2-0000-7000-8000-000000000002");
        assertThat(read.name()).isEqualTo("Ravi Kumar");
        assertThat(read.role()).isEqualTo("DIRECTOR");
        assertThat(read.email()).isEqualTo("ravi@example.in");
        assertThat(read.branchId()).isEqualTo("0190a1b2-0000-7000-8000-0000000000b2");
        assertThat(read.profileType()).isEqualTo("STAFF");
    }

    @Test
    void theDirectoryLearnsANewNameEmailBranchAndWhetherTheUserIsActive() {
        IncomingEvent event = travel(new UserUpdated("0190a1b2-0000-7000-8000-000000000003", "meera@example.in",
                "Meera Iyer", "+91 98100 00001", "0190a1b2-0000-7000-8000-0000000000b3", true));

        assertThat(event.type()).isEqualTo("UserUpdated");
        DirectoryReadModel.Updated read = event.payloadAs(DirectoryReadModel.Updated.class, 1);
        assertThat(read.userId()).isEqualTo("0190a1b2-0000-7000-8000-000000000003");
        assertThat(read.name()).isEqualTo("Meera Iyer");
        assertThat(read.email()).isEqualTo("meera@example.in");
        assertThat(read.branchId()).isEqualTo("0190a1b2-0000-7000-8000-0000000000b3");
        assertThat(read.active()).isTrue();
    }

    @Test
    void theDirectoryLearnsTheNewRoleNotThePreviousOne() {
        IncomingEvent event = travel(new UserRoleChanged("0190a1b2-0000-7000-8000-000000000004", "STUDENT",
                "GENERAL_MANAGER", "STAFF"));

        assertThat(event.type()).isEqualTo("UserRoleChanged");
        DirectoryReadModel.RoleChanged read = event.payloadAs(DirectoryReadModel.RoleChanged.class, 1);
        assertThat(read.userId()).isEqualTo("0190a1b2-0000-7000-8000-000000000004");
        assertThat(read.role()).isEqualTo("GENERAL_MANAGER");
        assertThat(read.profileType()).isEqualTo("STAFF");
    }

    @Test
    void theDirectoryLearnsWhoWasDeactivated() {
        IncomingEvent event = travel(new UserDeactivated("0190a1b2-0000-7000-8000-000000000005"));

        assertThat(event.type()).isEqualTo("UserDeactivated");
        DirectoryReadModel.Deactivated read = event.payloadAs(DirectoryReadModel.Deactivated.class, 1);
        assertThat(read.userId()).isEqualTo("0190a1b2-0000-7000-8000-000000000005");
    }

    @Test
    void theDirectoryLearnsWhomAStaffMemberReportsTo() {
        IncomingEvent event = travel(new StaffProfileUpdated("0190a1b2-0000-7000-8000-000000000006",
                "0190a1b2-0000-7000-8000-0000000000p6", "0190a1b2-0000-7000-8000-000000000007"));

        assertThat(event.type()).isEqualTo("StaffProfileUpdated");
        DirectoryReadModel.StaffProfile read = event.payloadAs(DirectoryReadModel.StaffProfile.class, 1);
        assertThat(read.userId()).isEqualTo("0190a1b2-0000-7000-8000-000000000006");
        assertThat(read.reportingManagerId()).isEqualTo("0190a1b2-0000-7000-8000-000000000007");
        assertThat(travel(new StaffProfileUpdated("0190a1b2-0000-7000-8000-000000000006",
                "0190a1b2-0000-7000-8000-0000000000p6", null)).payloadAs(DirectoryReadModel.StaffProfile.class, 1)
                .reportingManagerId()).as("none set").isNull();
    }

    /** The event in its envelope, written to JSON as the producer's outbox does and read back as a listener does. */
    private static IncomingEvent travel(DomainEvent payload) {
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), IdentityEvents.typeOf(payload),
                IdentityEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "identity-service", null, payload);
        return IncomingEvent.read(JSON.writeValueAsString(envelope));
    }
}
