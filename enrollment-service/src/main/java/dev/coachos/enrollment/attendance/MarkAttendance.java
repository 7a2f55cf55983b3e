package dev.coachos.enrollment.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One session of a batch as its teacher marks it: every student listed once, with a status. */
public record MarkAttendance(@NotNull UUID batchId, @NotNull LocalDate date, UUID lessonId,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Mark> records) {

    /** One student's mark. */
    public record Mark(@NotNull UUID studentId, @NotNull AttendanceSession.Status status, @Size(max = 500) String notes) {
    }
}
