package dev.coachos.enrollment.calendar;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An event added to a batch's calendar: an exam, a holiday, an extra class. */
public record NewCalendarEvent(@NotNull UUID batchId, @NotBlank @Size(max = 200) String title, @NotNull Type type,
        @NotNull Instant startsAt, @NotNull Instant endsAt, @Size(max = 200) String location,
        @Size(max = 2000) String description) {

    /** Kinds of calendar events. */
    public enum Type {
        CLASS, EXAM, HOLIDAY, EVENT, DEADLINE, MEETING
    }
}
