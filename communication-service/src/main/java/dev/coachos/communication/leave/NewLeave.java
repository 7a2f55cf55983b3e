package dev.coachos.communication.leave;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A leave as its requester asks for it: whole days from {@code fromDate} to {@code toDate}, or one
 * half day (then both dates are the same).
 *
 * @param halfDay AM or PM for a half day, or null for whole days
 * @param reason  free text, or null
 */
public record NewLeave(@NotNull LocalDate fromDate, @NotNull LocalDate toDate, Leave.HalfDay halfDay,
        @NotNull Leave.Type leaveType, @Size(max = 1000) String reason) {
}
