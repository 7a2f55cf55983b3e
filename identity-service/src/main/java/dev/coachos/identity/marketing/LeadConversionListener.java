package dev.coachos.identity.marketing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.events.marketing.LeadConversionRequested;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Reads marketing-service's LeadConversionRequested events, each applied once, and answers each
 * through {@link LeadAccounts} in the same transaction (account, its record and the answer); the
 * topic's other events are not needed here.
 */
@Component
class LeadConversionListener {

    static final String CONSUMER = "identity.leads";
    static final String CONVERSION_REQUESTED = "LeadConversionRequested";
    /** The schema version of marketing-service's events this consumer reads. */
    static final int UNDERSTOOD_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(LeadConversionListener.class);

    private final Inbox inbox;
    private final LeadAccounts accounts;

    LeadConversionListener(Inbox inbox, LeadAccounts accounts) {
        this.inbox = inbox;
        this.accounts = accounts;
    }

    @KafkaListener(topics = Topics.MARKETING, groupId = "identity-service.leads")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!CONVERSION_REQUESTED.equals(event.type())) {
            return;
        }
        LeadConversionRequested request = event.payloadAs(LeadConversionRequested.class, UNDERSTOOD_VERSION);
        // Without these the answer could not be addressed: no retry mends that.
        IncomingEvent.uuid(request.leadId(), "leadId");
        IncomingEvent.uuid(request.conversionId(), "conversionId");
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> accounts.answer(request));
        log.debug("{} {} for lead {}: {}", event.type(), event.eventId(), request.leadId(),
                applied ? "answered" : "already answered, skipped");
    }
}
