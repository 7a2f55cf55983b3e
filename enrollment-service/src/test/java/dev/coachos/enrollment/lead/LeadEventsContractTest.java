package dev.coachos.enrollment.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.identity.IdentityEvents;
import dev.coachos.events.identity.LeadAccountReady;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.testing.PublishedEvent;

/** identity-service's LeadAccountReady as published, read the way enrollment-service's listener reads it. */
class LeadEventsContractTest {

    @Test
    void leadAccountReadyCarriesTheLeadTheStudentTheBatchAndTheDiscount() {
        String lead = UUID.randomUUID().toString();
        String conversion = UUID.randomUUID().toString();
        String student = UUID.randomUUID().toString();
        String batch = UUID.randomUUID().toString();
        LeadAccountReady produced = new LeadAccountReady(lead, conversion, student, true, "Asha Rao", "asha@example.in",
                null, batch, "PERCENTAGE", "12.50");
        IncomingEvent event = IncomingEvent.read(PublishedEvent.json(IdentityEvents.typeOf(produced), produced));
        // The type name the listener switches on is the producer's.
        assertThat(event.type()).isEqualTo("LeadAccountReady");
        assertThat(event.payloadAs(ConvertedLeads.AccountReady.class, 1))
                .isEqualTo(new ConvertedLeads.AccountReady(lead, conversion, student, batch, "PERCENTAGE", "12.50"));
    }
}
