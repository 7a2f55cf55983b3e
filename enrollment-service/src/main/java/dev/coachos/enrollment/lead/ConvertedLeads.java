package dev.coachos.enrollment.lead;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Hears identity-service's {@code LeadAccountReady} (the student's account is made or linked), each
 * once, in a consumer group of its own, and enrolls the student (see {@link LeadEnrollments}); the
 * answer to marketing goes out through the outbox in the same transaction as the inbox's record.
 *
 * <p>The student need not be in the user directory yet: their {@code UserRegistered} travels under
 * their user id and this event under the lead's, so either may come first. The event is identity's
 * own word that the id is a student's account, so the enrollment does not wait for the directory,
 * and the directory is not written from it either (the event does not carry the role, and a guessed
 * one could outlive the real one and refuse the student's writes as a stale token).
 */
@Component
class ConvertedLeads {

    static final String CONSUMER = "enrollment.leads";

    private final Inbox inbox;
    private final LeadEnrollments leads;

    ConvertedLeads(Inbox inbox, LeadEnrollments leads) {
        this.inbox = inbox;
        this.leads = leads;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "enrollment-service.leads")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals("LeadAccountReady")) {
            return;
        }
        AccountReady ready = event.payloadAs(AccountReady.class, 1);
        LeadEnrollments.Conversion conversion = new LeadEnrollments.Conversion(
                IncomingEvent.uuid(ready.leadId(), "leadId"), IncomingEvent.uuid(ready.conversionId(), "conversionId"),
                IncomingEvent.uuid(ready.studentId(), "studentId"), IncomingEvent.uuid(ready.batchId(), "batchId"),
                ready.discountType(), ready.discount());
        inbox.applyOnce(CONSUMER, event.eventId(), () -> leads.enroll(conversion));
    }

    /** The parts of identity's LeadAccountReady this consumer uses (name, e-mail and branch are not needed). */
    record AccountReady(String leadId, String conversionId, String studentId, String batchId, String discountType,
            String discount) {
    }
}
