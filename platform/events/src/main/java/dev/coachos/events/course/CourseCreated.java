package dev.coachos.events.course;

import dev.coachos.events.DomainEvent;

/**
 * A course was added to the catalogue. Consumers: enrollment (course read model), audit.
 *
 * @param courseId the course (UUID)
 * @param title    its title
 * @param slug     its unique URL name
 * @param price    its fee in INR, as a decimal string such as {@code "14999.00"}
 * @param level    BEGINNER, INTERMEDIATE or ADVANCED
 * @param active   whether students may see and join it
 */
public record CourseCreated(String courseId, String title, String slug, String price, String level, boolean active)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return courseId;
    }
}
