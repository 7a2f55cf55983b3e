package dev.coachos.events.enrollment;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/**
 * A batch changed (name, end date, capacity, teacher, schedule, waitlist or status); the payload
 * is its state after the change. A fee change has its own event, {@link BatchFeeChanged}.
 * Consumers: finance (who is paid), audit.
 *
 * @param batchId   the batch (UUID)
 * @param name      its name now
 * @param endDate   its last day now (ISO date), or null
 * @param capacity  its capacity now
 * @param teacherId its teacher now (user id), or null
 * @param schedule  its weekly slots now, such as {@code {"mon": "10:00-12:00"}}
 * @param status    OPEN (takes enrollments), CLOSED (takes none) or CANCELLED (its enrollments dropped);
 *                  absent in events published before it was carried
 * @param waitlistCapacity how many may wait for a seat now (0: no waitlist); absent in older events
 */
public record BatchUpdated(String batchId, String name, String endDate, int capacity, String teacherId,
        Map<String, String> schedule, String status, Integer waitlistCapacity) implements DomainEvent {

    public BatchUpdated {
        schedule = schedule == null ? Map.of() : Map.copyOf(schedule);
    }

    @Override
    public String aggregateId() {
        return batchId;
    }
}
