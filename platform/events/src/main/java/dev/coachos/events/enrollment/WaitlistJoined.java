package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * A batch was full and the student joined its waitlist: no seat is taken and no fee is due yet.
 * Consumers: communication (tell the student their place), audit.
 *
 * @param enrollmentId the waiting enrollment (UUID); it becomes a real one when promoted and confirmed
 * @param studentId    the student (user id)
 * @param courseId     the course (UUID)
 * @param courseTitle  its title
 * @param batchId      the batch waited for (UUID)
 * @param batchName    its name
 * @param position     the place in line when joining, from 1
 */
public record WaitlistJoined(String enrollmentId, String studentId, String courseId, String courseTitle,
        String batchId, String batchName, int position) implements DomainEvent {

    @Override
    public String aggregateId() {
        return enrollmentId;
    }
}
