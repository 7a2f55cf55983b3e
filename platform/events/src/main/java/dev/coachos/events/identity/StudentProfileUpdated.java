package dev.coachos.events.identity;

import java.util.List;

import dev.coachos.events.DomainEvent;

/**
 * A student's profile was created or changed; the payload is its state after the change.
 * Consumers: finance (the student's state decides CGST + SGST or IGST on a tax invoice),
 * communication (messages to a student's guardians), audit.
 *
 * @param userId           the student's user id (UUID)
 * @param studentProfileId the profile (UUID)
 * @param stateCode        the two-digit GST code of the state the student lives in, or null when not known
 *                         (then the branch's state is the place of supply)
 * @param guardians        the student's guardians in their order (at most two), an empty list when none;
 *                         added in a compatible way, absent (null when read) in events published before it
 */
public record StudentProfileUpdated(String userId, String studentProfileId, String stateCode, List<Guardian> guardians)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }

    /**
     * One guardian of the student.
     *
     * @param name     their name
     * @param relation FATHER, MOTHER, GUARDIAN, SIBLING or OTHER
     * @param phone    their phone in E.164, such as {@code +919810000001}
     * @param email    their e-mail address, or null
     */
    public record Guardian(String name, String relation, String phone, String email) {
    }
}
