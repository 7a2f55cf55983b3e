package dev.coachos.events.enrollment;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/**
 * A batch changed (name, end date, capacity, teacher or schedule); the payload is its state
 * after the change. Fees do not change after a batch opens. Consumers: finance (who is paid),
 * audit.
 *
 * @param batchId   the batch (UUID)
 * @param name      its name now
 * @param endDate   its last day now (ISO date), or null
 * @param capacity  its capacity now
 * @param teacherId its teacher now (user id), or null
 * @param schedule  its weekly slots now, such as {@code {"mon": "10:00-12:00"}}
 */
public record BatchUpdated(String batchId, String name, String endDate, int capacity, String teacherId,
        Map<String, String> schedule) implements DomainEvent {

    public BatchUpdated {
        schedule = schedule == null ? Map.of() : Map.copyOf(schedule);
    }

    @Override
    public String aggregateId() {
        return batchId;
    }
}
