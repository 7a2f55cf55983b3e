package dev.coachos.events.communication;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/** communication-service's events on {@link dev.coachos.events.Topics#COMMUNICATION}, by their type names. */
public final class CommunicationEvents {

    /** Type name to payload class; every type is at {@link #SCHEMA_VERSION}. */
    public static final Map<String, Class<? extends DomainEvent>> TYPES = Map.of(
            "AnnouncementPublished", AnnouncementPublished.class,
            "QueryOpened", QueryOpened.class,
            "QueryResolved", QueryResolved.class,
            "LeaveRequested", LeaveRequested.class,
            "LeaveDecided", LeaveDecided.class);

    public static final int SCHEMA_VERSION = 1;

    private CommunicationEvents() {
    }

    /** The type name a payload travels under. */
    public static String typeOf(DomainEvent event) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().isInstance(event)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not a communication event: " + event));
    }
}
