package dev.coachos.events.communication;

import dev.coachos.events.DomainEvent;

/**
 * An announcement was published to its resolved recipients. Consumers: audit.
 *
 * @param announcementId the announcement (UUID)
 * @param authorId       who published it (user id)
 * @param title          its title
 * @param type           ANNOUNCEMENT, NOTICE or ALERT
 * @param branchId       the author's branch (UUID), or null for head office
 * @param recipients     how many people it was addressed to
 * @param publishedAt    when (ISO instant)
 */
public record AnnouncementPublished(String announcementId, String authorId, String title, String type,
        String branchId, int recipients, String publishedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return announcementId;
    }
}
