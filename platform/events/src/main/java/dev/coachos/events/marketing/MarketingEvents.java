package dev.coachos.events.marketing;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/** marketing-service's events on {@link dev.coachos.events.Topics#MARKETING}, by their type names. */
public final class MarketingEvents {

    /** Type name to payload class; every type is at {@link #SCHEMA_VERSION}. */
    public static final Map<String, Class<? extends DomainEvent>> TYPES = Map.of(
            "LeadCreated", LeadCreated.class,
            "LeadStageChanged", LeadStageChanged.class,
            "LeadConversionRequested", LeadConversionRequested.class,
            "LeadConverted", LeadConverted.class,
            "LeadFollowUpDue", LeadFollowUpDue.class);

    public static final int SCHEMA_VERSION = 1;

    private MarketingEvents() {
    }

    /** The type name a payload travels under. */
    public static String typeOf(DomainEvent event) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().isInstance(event)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not a marketing event: " + event));
    }
}
