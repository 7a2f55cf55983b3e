package dev.coachos.marketing;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.marketing.LeadConversionRequested;
import dev.coachos.events.marketing.LeadConverted;
import dev.coachos.events.marketing.LeadCreated;
import dev.coachos.events.marketing.LeadFollowUpDue;
import dev.coachos.events.marketing.LeadStageChanged;
import dev.coachos.messaging.outbox.Outbox;

/**
 * The events marketing-service publishes, one method each, and the only caller of the outbox: each
 * is stored in the transaction of the change it reports and relayed to
 * {@value dev.coachos.events.Topics#MARKETING} afterwards, keyed by the lead so a lead's events
 * arrive in order.
 */
@Component
public class MarketingEvents {

    private final Outbox outbox;

    MarketingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void leadCreated(LeadCreated event) {
        publish(event);
    }

    public void leadStageChanged(LeadStageChanged event) {
        publish(event);
    }

    public void leadConversionRequested(LeadConversionRequested event) {
        publish(event);
    }

    public void leadConverted(LeadConverted event) {
        publish(event);
    }

    public void leadFollowUpDue(LeadFollowUpDue event) {
        publish(event);
    }

    private void publish(DomainEvent event) {
        outbox.publish(Topics.MARKETING, dev.coachos.events.marketing.MarketingEvents.typeOf(event),
                dev.coachos.events.marketing.MarketingEvents.SCHEMA_VERSION, event);
    }
}
