package dev.coachos.marketing.lead;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A call, e-mail, meeting, note or WhatsApp message with a lead (now unless {@code occurredAt}), and optionally the next follow-up. */
public record NewActivity(@NotNull ActivityType type, @Size(max = 2000) String notes, Instant occurredAt,
        Instant nextFollowUpAt) {
}
