package dev.coachos.events.course;

import dev.coachos.events.DomainEvent;

/**
 * A course's catalogue entry changed; the payload is its state after the change (not a diff),
 * so applying the latest one is enough. Consumers: enrollment (course read model), audit.
 *
 * @param courseId the course (UUID)
 * @param title    its title now
 * @param slug     its URL name now
 * @param price    its fee in INR now, as a decimal string
 * @param level    its level now
 * @param active   whether it is active now
 * @param revision increases with every change of the course, so a consumer can ignore an older state
 */
public record CourseUpdated(String courseId, String title, String slug, String price, String level, boolean active,
        long revision) implements DomainEvent {

    @Override
    public String aggregateId() {
        return courseId;
    }
}
