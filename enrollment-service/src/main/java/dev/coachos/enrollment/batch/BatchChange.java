package dev.coachos.enrollment.batch;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The parts of a batch that may change after it opened; absent fields stay as they are. */
public record BatchChange(@Size(min = 1, max = 200) String name, @Min(1) @Max(10_000) Integer capacity,
        LocalDate endDate, @Size(max = 7) Map<String, String> schedule, UUID teacherId) {
}
