package dev.coachos.events.enrollment;

import java.util.List;

import dev.coachos.events.DomainEvent;

/**
 * A teacher marked (or re-marked) attendance for one session of a batch. Consumers:
 * communication (absence alerts), audit.
 *
 * @param batchId  the batch (UUID)
 * @param date     the session's date (ISO date)
 * @param lessonId the lesson taught (UUID), or null
 * @param markedBy who marked it (user id)
 * @param records  one per student marked
 */
public record AttendanceMarked(String batchId, String date, String lessonId, String markedBy, List<Mark> records)
        implements DomainEvent {

    public AttendanceMarked {
        records = records == null ? List.of() : List.copyOf(records);
    }

    @Override
    public String aggregateId() {
        return batchId;
    }

    /**
     * One student's mark.
     *
     * @param studentId the student's user id
     * @param status    PRESENT, ABSENT, LATE or EXCUSED
     */
    public record Mark(String studentId, String status) {
    }
}
