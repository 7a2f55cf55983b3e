package dev.coachos.enrollment.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The records of one session of a batch (one day, and one lesson if given). */
public record AttendanceSession(UUID batchId, LocalDate date, UUID lessonId, List<Marked> records) {

    /** The statuses a student can be marked with. */
    public enum Status {
        PRESENT, ABSENT, LATE, EXCUSED
    }

    /** One student's record, who marked it and when. */
    public record Marked(UUID studentId, Status status, String notes, UUID markedBy, Instant markedAt) {
    }
}
