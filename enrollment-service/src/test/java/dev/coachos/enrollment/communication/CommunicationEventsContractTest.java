package dev.coachos.enrollment.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.communication.CommunicationEvents;
import dev.coachos.events.communication.LeaveDecided;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.testing.PublishedEvent;

/** communication-service's LeaveDecided as published, read the way the leave consumer reads it. */
class CommunicationEventsContractTest {

    @Test
    void leaveDecidedCarriesTheLeaveItsStudentRangeHalfAndDecision() {
        String leave = UUID.randomUUID().toString();
        String student = UUID.randomUUID().toString();
        String approver = UUID.randomUUID().toString();
        LeaveDecided event = new LeaveDecided(leave, student, "STUDENT", UUID.randomUUID().toString(), "2027-01-04",
                "2027-01-06", "AM", "APPROVED", approver, "2027-01-02T09:30:00Z");
        IncomingEvent incoming = IncomingEvent.read(PublishedEvent.json(CommunicationEvents.typeOf(event), event));

        assertThat(incoming.type()).isEqualTo("LeaveDecided");
        assertThat(incoming.payloadAs(LeaveDecisions.Decided.class, 1)).isEqualTo(new LeaveDecisions.Decided(leave,
                student, "STUDENT", "2027-01-04", "2027-01-06", "AM", "APPROVED", approver, "2027-01-02T09:30:00Z"));
    }
}
