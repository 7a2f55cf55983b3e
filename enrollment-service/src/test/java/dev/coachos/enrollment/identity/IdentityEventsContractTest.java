package dev.coachos.enrollment.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.identity.IdentityEvents;
import dev.coachos.events.identity.UserDeactivated;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.testing.PublishedEvent;

/** identity-service's events as published, read the way enrollment-service's listener reads them. */
class IdentityEventsContractTest {

    @Test
    void userDeactivatedNamesTheUser() {
        UUID user = UUID.randomUUID();
        UserDeactivated produced = new UserDeactivated(user.toString());
        IncomingEvent event = IncomingEvent.read(PublishedEvent.json(IdentityEvents.typeOf(produced), produced));
        // The type name the listener switches on is the producer's.
        assertThat(event.type()).isEqualTo("UserDeactivated");
        assertThat(IncomingEvent.uuid(event.payloadAs(DeactivatedUsers.Deactivated.class, 1).userId(), "userId"))
                .isEqualTo(user);
    }
}
