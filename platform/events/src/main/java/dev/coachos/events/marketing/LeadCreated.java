package dev.coachos.events.marketing;

import dev.coachos.events.DomainEvent;

/**
 * A lead was created, by staff or from the website's enquiry form. Consumers: audit.
 *
 * @param leadId         the lead (UUID)
 * @param name           the person's name
 * @param phone          their phone in E.164, such as {@code +919876543210}
 * @param email          their e-mail address, or null
 * @param source         WEBSITE, WALK_IN, PHONE_CALL, REFERRAL, SOCIAL_MEDIA, ADVERTISEMENT, EVENT or OTHER
 * @param branchId       the branch it belongs to (UUID), or null for head office
 * @param campaignId     the campaign it came from (UUID), or null
 * @param assigneeId     who follows it up (user id), or null
 * @param courseId       the course asked about (UUID), or null
 * @param courseInterest what the person said they want to study, as typed, or null
 * @param createdAt      when (ISO instant)
 */
public record LeadCreated(String leadId, String name, String phone, String email, String source, String branchId,
        String campaignId, String assigneeId, String courseId, String courseInterest,
        String createdAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}
