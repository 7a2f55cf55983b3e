package dev.coachos.events;

import java.util.List;

/**
 * Who or what caused an event, carried in its envelope so that every consumer (the audit trail
 * above all) knows without asking. Filled by the outbox, never by the code that publishes.
 *
 * @param userId    the signed-in user whose request made the change; null when no request did
 * @param roles     that user's roles when the request was made
 * @param clientIp  the client's address as the gateway saw it, when a request made the change
 * @param userAgent the client's {@code User-Agent}, when a request made the change
 * @param via       how the change came about: {@code request} for a user's request,
 *                  {@code event:<event id>} for a change made on receiving another event,
 *                  {@code job:<name>} for a scheduled job, {@code system} for anything else
 */
public record Actor(String userId, List<String> roles, String clientIp, String userAgent, String via) {

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A change made on receiving another event. */
    public static Actor triggeredBy(String eventId) {
        return new Actor(null, List.of(), null, null, "event:" + eventId);
    }

    /** A change made by a scheduled job. */
    public static Actor job(String name) {
        return new Actor(null, List.of(), null, null, "job:" + name);
    }
}
